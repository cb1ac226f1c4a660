/**
 * A small vocabulary indexed by each word's first UTF-16 unit: what a scan over a text asks at
 * every position ("does a word start here, and which?") answered by one byte load for most
 * units, then `startsWith` over the few words sharing that unit, longest first — the order a
 * regular expression alternation of the words (sorted longest first) tries them, without the
 * match array and without running the expression at every position.
 *
 * Shared by the parser's number tails (units) and the rules' statistics scans (verbs, part
 * markers, scope words); each entry may carry a value (a part marker's record) besides its text.
 */
export class WordsByFirstUnit<T = string> {
  /**
   * For each UTF-16 unit, 1 + the index of its list in `texts`/`values`, or 0: no word starts with
   * it. Non-zero is `startsWith`'s answer: a scan that tests every unit may read this table
   * itself (under the CLI's V8 flags, without inlining, `startsWith` is a call per unit).
   */
  readonly firstUnitIndex = new Uint8Array(0x10000);
  /** The words of each list, longest first; parallel to `values`. */
  private readonly texts: readonly (readonly string[])[];
  private readonly values: readonly (readonly T[])[];

  /**
   * `entries` in any order; `textOf` gives an entry's word. Entries are sorted longest first,
   * stably (entries of one length keep their given order). An empty word is an error, and so
   * are more than 255 distinct first units (the index is a byte).
   */
  constructor(entries: Iterable<T>, textOf: (entry: T) => string) {
    const sorted = [...entries].sort((a, b) => textOf(b).length - textOf(a).length);
    const texts: string[][] = [];
    const values: T[][] = [];
    for (const entry of sorted) {
      const text = textOf(entry);
      if (text.length === 0) throw new Error('WordsByFirstUnit: an empty word');
      const unit = text.charCodeAt(0);
      let k = this.firstUnitIndex[unit]!;
      if (k === 0) {
        k = texts.length + 1;
        if (k > 255) throw new Error('WordsByFirstUnit: more than 255 first units');
        this.firstUnitIndex[unit] = k;
        texts.push([]);
        values.push([]);
      }
      texts[k - 1]!.push(text);
      values[k - 1]!.push(entry);
    }
    this.texts = texts;
    this.values = values;
  }

  /** Plain words, each its own entry. */
  static of(words: Iterable<string>): WordsByFirstUnit<string> {
    return new WordsByFirstUnit(words, (word) => word);
  }

  /** Whether some word starts with the UTF-16 unit `unit`: the cheap test before `at`. */
  startsWith(unit: number): boolean {
    return this.firstUnitIndex[unit] !== 0;
  }

  /** The distinct first units of the words, in the order first met (longest words first). */
  firstUnits(): number[] {
    const units: number[] = [];
    for (const list of this.texts) units.push(list[0]!.charCodeAt(0));
    return units;
  }

  /**
   * The entry of the longest word written at `text[at]` that ends by `end` (default: the text's
   * end), or undefined.
   */
  at(text: string, at: number, end: number = text.length): T | undefined {
    // No word fits at or past the end (the number tails ask at a sentence's end): answered before
    // reading the unit, since a read past the text's end deoptimised the compiled function.
    if (at >= end) return undefined;
    const k = this.firstUnitIndex[text.charCodeAt(at)];
    if (k === undefined || k === 0) return undefined;
    const texts = this.texts[k - 1]!;
    for (let j = 0; j < texts.length; j++) {
      const word = texts[j]!;
      if (at + word.length <= end && text.startsWith(word, at)) return this.values[k - 1]![j];
    }
    return undefined;
  }
}
