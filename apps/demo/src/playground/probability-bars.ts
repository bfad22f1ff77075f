/**
 * Ten horizontal bars, one per digit, in plain DOM: each an ARIA meter whose value is the
 * probability (screen readers read "digit 3: 12.5 %"), its width the probability.
 */
export class ProbabilityBars {
  private readonly meters: HTMLElement[] = [];
  private readonly fills: HTMLElement[] = [];
  private readonly values: HTMLElement[] = [];

  constructor(list: HTMLOListElement) {
    for (let digit = 0; digit < 10; digit++) {
      const item = document.createElement('li');
      const label = document.createElement('span');
      label.className = 'label';
      label.textContent = String(digit);
      label.id = `bar-label-${digit}`;
      const meter = document.createElement('div');
      meter.className = 'bar';
      meter.setAttribute('role', 'meter');
      meter.setAttribute('aria-labelledby', label.id);
      meter.setAttribute('aria-valuemin', '0');
      meter.setAttribute('aria-valuemax', '1');
      const fill = document.createElement('div');
      fill.className = 'fill';
      meter.append(fill);
      const value = document.createElement('span');
      value.className = 'value';
      value.setAttribute('aria-hidden', 'true');
      item.append(label, meter, value);
      list.append(item);
      this.meters.push(meter);
      this.fills.push(fill);
      this.values.push(value);
    }
    this.show(undefined);
  }

  /** Shows the probabilities, marking the largest; undefined empties every bar. */
  show(probabilities: ArrayLike<number> | undefined): void {
    const best = probabilities ? argmax(probabilities) : -1;
    for (let digit = 0; digit < 10; digit++) {
      const p = probabilities?.[digit] ?? 0;
      const percent = `${(100 * p).toFixed(1)} %`;
      // Fixed-point: ARIA numbers have no exponent, and String(4e-7) is "4e-7".
      this.meters[digit]!.setAttribute('aria-valuenow', p.toFixed(8));
      this.meters[digit]!.setAttribute('aria-valuetext', probabilities ? percent : 'none');
      this.fills[digit]!.style.width = `${100 * p}%`;
      this.fills[digit]!.classList.toggle('best', digit === best);
      this.values[digit]!.textContent = probabilities ? percent : '';
    }
  }
}

export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}
