"""Where the ten cards and their crop marks go on a sheet.

Cards are 85 × 55 mm, two across and five down, butted together and
centred, so the sheet is symmetrical and the backs line up with the fronts
when printed on both sides (flip on the long edge).  Crop marks sit in the
margins, in line with every cut, with a small gap so they are cut away.
"""

from __future__ import annotations

from dataclasses import dataclass

CARD_WIDTH, CARD_HEIGHT = 85.0, 55.0
COLUMNS, ROWS = 2, 5
PAPERS = {"letter": (215.9, 279.4), "a4": (210.0, 297.0)}
MARK_GAP, MARK_LENGTH = 0.6, 6.0


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    width: float
    height: float

    def css(self, selector: str) -> str:
        return (
            f"{selector} {{ left: {self.left:.2f}mm; top: {self.top:.2f}mm; "
            f"width: {self.width:.2f}mm; height: {self.height:.2f}mm; }}"
        )


@dataclass(frozen=True)
class Sheet:
    paper: str

    @property
    def size(self) -> tuple[float, float]:
        return PAPERS[self.paper]

    @property
    def origin(self) -> tuple[float, float]:
        width, height = self.size
        return (width - COLUMNS * CARD_WIDTH) / 2, (height - ROWS * CARD_HEIGHT) / 2

    def cards(self) -> list[Box]:
        left, top = self.origin
        return [
            Box(left + column * CARD_WIDTH, top + row * CARD_HEIGHT, CARD_WIDTH, CARD_HEIGHT)
            for row in range(ROWS)
            for column in range(COLUMNS)
        ]

    def marks(self) -> list[Box]:
        """Hair lines outside the grid, one at each end of every cut."""
        left, top = self.origin
        right, bottom = left + COLUMNS * CARD_WIDTH, top + ROWS * CARD_HEIGHT
        width, height = self.size
        marks: list[Box] = []
        vertical = min(MARK_LENGTH, top - MARK_GAP - 0.2)  # Letter leaves only 2.2 mm above and below
        for column in range(COLUMNS + 1):
            x = left + column * CARD_WIDTH
            marks.append(Box(x, top - MARK_GAP - vertical, 0, vertical))
            marks.append(Box(x, bottom + MARK_GAP, 0, min(vertical, height - bottom - MARK_GAP)))
        horizontal = min(MARK_LENGTH, left - MARK_GAP - 0.2)
        for row in range(ROWS + 1):
            y = top + row * CARD_HEIGHT
            marks.append(Box(left - MARK_GAP - horizontal, y, horizontal, 0))
            marks.append(Box(right + MARK_GAP, y, min(horizontal, width - right - MARK_GAP), 0))
        return marks

    def css(self) -> str:
        width, height = self.size
        rules = [
            f"@page {{ size: {width}mm {height}mm; margin: 0; }}",
            f".sheet {{ width: {width}mm; height: {height}mm; }}",
        ]
        rules += [box.css(f".card-{index}") for index, box in enumerate(self.cards())]
        rules += [box.css(f".mark-{index}") for index, box in enumerate(self.marks())]
        return "\n".join(rules) + "\n"
