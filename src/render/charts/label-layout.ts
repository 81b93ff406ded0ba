export interface Label {
  x: number;
  text: string;
}

export type PlacedLabel<L extends Label = Label> = L & {
  row: number;
  anchor: 'start' | 'end';
  /** The label's left and right edges, for checks. */
  left: number;
  right: number;
};

export interface LabelLayoutOptions {
  maxX: number;
  charWidth?: number;
  /** Space between the marked x and the text, and between neighbours in a row. */
  gap?: number;
}

/**
 * Stacks labels into rows so that no two overlap: each goes right of its x (left when it would
 * run past `maxX`) in the first row with room.
 */
export function layoutLabels<L extends Label>(
  labels: L[],
  { maxX, charWidth = 6.2, gap = 4 }: LabelLayoutOptions,
): PlacedLabel<L>[] {
  const rowEnds: number[] = [];
  return [...labels]
    .sort((a, b) => a.x - b.x)
    .map((label) => {
      const width = label.text.length * charWidth;
      const anchor: 'start' | 'end' = label.x + gap + width > maxX ? 'end' : 'start';
      const left = anchor === 'start' ? label.x + gap : label.x - gap - width;
      const right = left + width;
      let row = rowEnds.findIndex((end) => end + gap <= left);
      if (row === -1) row = rowEnds.push(right) - 1;
      else rowEnds[row] = right;
      return { ...label, row, anchor, left, right };
    });
}
