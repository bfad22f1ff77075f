/**
 * A seedable random number generator: xoshiro128** (Blackman & Vigna, 2018), a small,
 * fast, well-tested generator with a 128-bit state, seeded through SplitMix32 so that
 * nearby seeds give unrelated streams. The same seed gives the same sequence on every
 * platform, which is what makes a NeuNet run reproducible bit for bit.
 */
export interface RngState {
  s: [number, number, number, number];
  /** The second value of the last Box-Muller pair, not yet returned. */
  spare: number | null;
}

export class Rng {
  private s = new Uint32Array(4);
  private spare: number | null = null;

  constructor(seed: number = randomSeed()) {
    if (!Number.isFinite(seed)) throw new Error(`Rng: seed must be a finite number, got ${seed}`);
    let x = Math.trunc(seed) >>> 0;
    const high = Math.trunc(seed / 2 ** 32) >>> 0;
    for (let i = 0; i < 4; i++) {
      // SplitMix32 step, mixing in the seed's high bits so seeds above 2^32 differ too.
      x = (x + 0x9e3779b9 + (i === 1 ? high : 0)) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      this.s[i] = (z ^ (z >>> 16)) >>> 0;
    }
    if ((this.s[0]! | this.s[1]! | this.s[2]! | this.s[3]!) === 0) this.s[0] = 1;
  }

  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const s = this.s;
    const s0 = s[0]!;
    const s1 = s[1]!;
    const s2 = s[2]! ^ s0;
    const s3 = s[3]! ^ s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    s[0] = s0 ^ s3;
    s[1] = s1 ^ s2;
    s[2] = s2 ^ (s1 << 9);
    s[3] = rotl(s3, 11);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform in [low, high). */
  uniformRange(low: number, high: number): number {
    return low + (high - low) * this.uniform();
  }

  /** Integer uniform in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Standard normal (mean 0, std 1) by the Box-Muller transform. */
  normal(mean = 0, std = 1): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return mean + std * z;
    }
    const u1 = 1 - this.uniform(); // (0, 1]: log(u1) is finite
    const u2 = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    this.spare = r * Math.sin(2 * Math.PI * u2);
    return mean + std * r * Math.cos(2 * Math.PI * u2);
  }

  /** A uniformly random ordering of 0..n-1 (Fisher-Yates). */
  permutation(n: number, out: Int32Array = new Int32Array(n)): Int32Array {
    for (let i = 0; i < n; i++) out[i] = i;
    this.shuffle(out);
    return out;
  }

  /** Shuffles `array` in place (Fisher-Yates). */
  shuffle<T extends { length: number; [i: number]: unknown }>(array: T): T {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = array[i];
      array[i] = array[j];
      array[j] = tmp;
    }
    return array;
  }

  /** An independent generator seeded from this one: one stream per consumer. */
  fork(): Rng {
    return new Rng(this.nextUint32() * 2 ** 21 + (this.nextUint32() >>> 11));
  }

  getState(): RngState {
    const [a, b, c, d] = this.s;
    return { s: [a!, b!, c!, d!], spare: this.spare };
  }

  setState(state: RngState): void {
    this.s.set(state.s);
    this.spare = state.spare;
  }

  /**
   * Copies the xoshiro128** state (four 32-bit words) to `out` from index `at`. With
   * `setWords`, this lets a backend draw this stream in its own kernel, which must then
   * compute `uniform()` exactly as above; the layers never call it.
   */
  getWords(out: Uint32Array, at = 0): void {
    out.set(this.s, at);
  }

  /** Continues the stream from four words that `getWords` gave and a kernel advanced. */
  setWords(words: Uint32Array, at = 0): void {
    for (let i = 0; i < 4; i++) this.s[i] = words[at + i]!;
  }

  /** Makes this generator continue exactly as `other` would, allocating nothing. */
  copyFrom(other: Rng): void {
    this.s.set(other.s);
    this.spare = other.spare;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 32);
}
