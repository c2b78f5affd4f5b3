"""EditList: the proposals grouped by category and rule, with counts.

One tree node per rule, not per edit: a document with 2,000 edits still has
a list of a few dozen nodes, so updating it after a key costs nothing.
Choosing a rule posts :class:`EditList.RuleChosen`; the app moves the cursor.
"""

from __future__ import annotations

from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from cleaner.tui.session import RuleGroup


def rule_label(group: RuleGroup) -> str:
    """``3✓1✗/12 glued-word``: accepted, rejected and total, then the rule id.

    Counts first, so a long rule id (``lt:MORFOLOGIK_RULE_EN_US``) is what a
    narrow terminal cuts off, not the numbers.
    """
    return f"{group.accepted}✓{group.rejected}✗/{group.total} {group.rule}"


class EditList(Tree[str]):
    """Categories, and under each the rules with their decision counts."""

    DEFAULT_CSS = """
    EditList {
        width: 30;
        border-right: solid $primary;
        overflow-x: hidden;
    }
    """

    class RuleChosen(Message):
        """The person picked a rule in the list."""

        def __init__(self, rule: str) -> None:
            super().__init__()
            self.rule = rule

    def __init__(self, **kwargs) -> None:
        super().__init__("edits", **kwargs)
        self.show_root = False
        self.guide_depth = 2
        self._rule_nodes: dict[str, TreeNode[str]] = {}
        self._category_nodes: dict[str, TreeNode[str]] = {}
        self._groups: dict[str, RuleGroup] = {}

    def load(self, groups: list[RuleGroup]) -> None:
        """Build the tree once from the session's groups."""
        self.clear()
        self._rule_nodes.clear()
        self._category_nodes.clear()
        for g in groups:
            cat = self._category_nodes.get(g.category)
            if cat is None:
                cat = self.root.add(g.category, expand=True)
                self._category_nodes[g.category] = cat
            self._rule_nodes[g.rule] = cat.add_leaf(rule_label(g), data=g.rule)
            self._groups[g.rule] = g
        self._relabel_categories()

    def update_groups(self, groups: list[RuleGroup]) -> None:
        """Relabel the nodes whose counts changed."""
        changed = False
        for g in groups:
            if self._groups.get(g.rule) != g:
                self._groups[g.rule] = g
                self._rule_nodes[g.rule].set_label(rule_label(g))
                changed = True
        if changed:
            self._relabel_categories()

    def _relabel_categories(self) -> None:
        totals: dict[str, list[int]] = {}
        for g in self._groups.values():
            t = totals.setdefault(g.category, [0, 0])
            t[0] += g.accepted + g.rejected
            t[1] += g.total
        for cat, node in self._category_nodes.items():
            done, total = totals[cat]
            node.set_label(f"{cat} ({done}/{total})")

    def highlight_rule(self, rule: str) -> None:
        """Move the tree cursor to ``rule`` without posting a choice."""
        node = self._rule_nodes.get(rule)
        if node is not None and self.cursor_node is not node:
            self.move_cursor(node, animate=False)

    def on_tree_node_selected(self, event: Tree.NodeSelected[str]) -> None:
        event.stop()
        if event.node.data:
            self.post_message(self.RuleChosen(event.node.data))
