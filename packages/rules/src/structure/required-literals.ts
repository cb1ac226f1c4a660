/**
 * Literals a regular expression cannot match without: a set of strings such that every
 * match contains at least one of them. A rule tests a text for them with `includes`
 * before it runs the expression, and skips the text when none is there. Derived from the
 * expression's source at load time, so the pre-check follows the data when it changes.
 *
 * The reading is conservative: a construct it does not model (a named group, a back
 * reference, a `\b` or `\p` escape, the `i` flag …) makes it answer `undefined` — no pre-check —
 * rather than a set that could skip a text the expression matches.
 */

/** What a piece of an expression guarantees: the one string it always matches, or literals every match holds. */
interface Guarantee {
  /** The piece matches exactly this string (a run of plain characters). */
  readonly exact?: string;
  /** Every match of the piece contains one of these; undefined: nothing guaranteed. */
  readonly anyOf?: readonly string[];
}

const NOTHING: Guarantee = {};

/** Thrown inside the reader for a construct it does not model. */
class Unmodelled extends Error {}

// Characters that mean something outside a class; any other character stands for itself.
const SPECIAL = new Set(['\\', '^', '$', '.', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}']);
// Escapes that stand for one plain character.
const PLAIN_ESCAPE = /^[\\^$.|?*+()[\]{}/\-“”，,。、；;：:！？!?]$/u;

/** The better of two literal sets: longer shortest member first (rarer), then fewer members. */
function better(a: readonly string[] | undefined, b: readonly string[] | undefined): readonly string[] | undefined {
  if (!a) return b;
  if (!b) return a;
  const shortest = (s: readonly string[]) => Math.min(...s.map((x) => x.length));
  const la = shortest(a);
  const lb = shortest(b);
  if (la !== lb) return la > lb ? a : b;
  return b.length < a.length ? b : a;
}

function setOf(g: Guarantee): readonly string[] | undefined {
  return g.exact !== undefined ? (g.exact.length > 0 ? [g.exact] : undefined) : g.anyOf;
}

class Reader {
  private at = 0;
  constructor(private readonly source: string) {}

  read(): Guarantee {
    const g = this.alternation();
    if (this.at !== this.source.length) throw new Unmodelled();
    return g;
  }

  private alternation(): Guarantee {
    const branches = [this.sequence()];
    while (this.source[this.at] === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0]!;
    const union: string[] = [];
    for (const b of branches) {
      const s = setOf(b);
      if (!s) return NOTHING;
      for (const x of s) if (!union.includes(x)) union.push(x);
    }
    return { anyOf: union };
  }

  private sequence(): Guarantee {
    let run = '';
    let exactSoFar = true;
    let best: readonly string[] | undefined;
    const endRun = () => {
      if (run.length > 0) best = better(best, [run]);
      run = '';
    };
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      const atom = this.atom();
      const { min, max } = this.quantifier();
      if (min === 1 && max === 1 && atom.exact !== undefined) {
        run += atom.exact;
        continue;
      }
      // Zero-width atoms (anchors) match the empty string and break no run.
      if (atom.exact === '' && min <= 1) continue;
      exactSoFar = false;
      endRun();
      if (min >= 1) best = better(best, setOf(atom));
    }
    if (exactSoFar) return { exact: run };
    endRun();
    return best ? { anyOf: best } : NOTHING;
  }

  private atom(): Guarantee {
    const c = this.source[this.at]!;
    if (c === '^' || c === '$') {
      this.at++;
      return { exact: '' };
    }
    if (c === '(') {
      this.at++;
      // A look-around matches no characters of its own: what it holds is read and set aside.
      let lookaround = false;
      if (this.source[this.at] === '?') {
        const kind = this.source.slice(this.at + 1, this.at + 3);
        if (kind.startsWith(':')) {
          this.at += 2;
        } else if (kind.startsWith('=') || kind.startsWith('!')) {
          this.at += 2;
          lookaround = true;
        } else if (kind === '<=' || kind === '<!') {
          this.at += 3;
          lookaround = true;
        } else {
          throw new Unmodelled(); // named groups and the like
        }
      }
      const g = this.alternation();
      if (this.source[this.at] !== ')') throw new Unmodelled();
      this.at++;
      return lookaround ? { exact: '' } : g;
    }
    if (c === '[') {
      this.skipClass();
      return NOTHING;
    }
    if (c === '.') {
      this.at++;
      return NOTHING;
    }
    if (c === '\\') {
      const e = this.source[this.at + 1];
      if (e === undefined) throw new Unmodelled();
      this.at += 2;
      if (PLAIN_ESCAPE.test(e)) return { exact: e };
      if ('dDsSwW'.includes(e)) return NOTHING;
      throw new Unmodelled(); // \b, back references, \u…, \p{…}: not modelled
    }
    if (SPECIAL.has(c)) throw new Unmodelled();
    const code = this.source.codePointAt(this.at)!;
    const ch = String.fromCodePoint(code);
    this.at += ch.length;
    return { exact: ch };
  }

  private skipClass(): void {
    this.at++;
    while (this.at < this.source.length && this.source[this.at] !== ']') {
      if (this.source[this.at] === '\\') this.at++;
      this.at++;
    }
    if (this.source[this.at] !== ']') throw new Unmodelled();
    this.at++;
  }

  private quantifier(): { min: number; max: number } {
    const c = this.source[this.at];
    let q: { min: number; max: number } = { min: 1, max: 1 };
    if (c === '?') q = { min: 0, max: 1 };
    else if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/u.exec(this.source.slice(this.at));
      if (!m) throw new Unmodelled();
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.at += m[0].length;
      if (this.source[this.at] === '?') this.at++;
      return { min, max };
    } else return q;
    this.at++;
    if (this.source[this.at] === '?') this.at++; // lazy
    return q;
  }
}

/** Literals every match of `pattern` contains one of, or undefined when none can be told. */
export function requiredLiterals(pattern: RegExp): readonly string[] | undefined {
  if (pattern.flags.includes('i') || pattern.flags.includes('v')) return undefined;
  try {
    return setOf(new Reader(pattern.source).read());
  } catch (e) {
    if (e instanceof Unmodelled) return undefined;
    throw e;
  }
}

/**
 * A pre-check for a list of expressions: a test that is false only for a text none of them can
 * match. Always true when one of them has no required literals.
 */
export function literalPrecheck(patterns: readonly RegExp[]): (text: string) => boolean {
  const literals: string[] = [];
  for (const p of patterns) {
    const own = requiredLiterals(p);
    if (!own) return () => true;
    for (const x of own) if (!literals.includes(x)) literals.push(x);
  }
  // A literal that contains another is implied by it.
  const kept = literals.filter((x) => !literals.some((y) => y !== x && x.includes(y)));
  if (kept.length === 0) return () => false;
  // One alternation of the literals reads a text once; `includes` per literal read it once each
  // and measured slower.
  const anyLiteral = new RegExp(kept.map((x) => x.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&')).join('|'), 'u');
  return (text) => anyLiteral.test(text);
}
