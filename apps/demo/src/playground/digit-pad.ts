/** Stroke width on the 280 × 280 pad: about MNIST's 2 to 3 pixels once scaled to 28 × 28. */
const STROKE = 22;

/**
 * A drawing surface on a canvas for mouse, touch and pen alike (pointer events), with thick
 * round strokes. `onChange` runs after every piece of stroke; `ink()` reads the drawing as
 * one value in [0, 1] per pixel, row by row.
 */
export class DigitPad {
  private readonly context: CanvasRenderingContext2D;
  private last: { x: number; y: number } | undefined;

  constructor(
    readonly canvas: HTMLCanvasElement,
    private readonly onChange: () => void,
  ) {
    // Read back at every frame while drawing: keep the pixels where the CPU reads them.
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('DigitPad: the canvas gives no 2-D context');
    this.context = context;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.lineWidth = STROKE;
    context.strokeStyle = context.fillStyle = 'black';
    canvas.addEventListener('pointerdown', (event) => this.start(event));
    canvas.addEventListener('pointermove', (event) => this.move(event));
    for (const type of ['pointerup', 'pointercancel'] as const) {
      canvas.addEventListener(type, () => {
        this.last = undefined;
      });
    }
  }

  /** The ink as the alpha channel: the page's white shows through the rest. */
  ink(): Float32Array {
    const { width, height } = this.canvas;
    const rgba = this.context.getImageData(0, 0, width, height).data;
    const ink = new Float32Array(width * height);
    for (let i = 0; i < ink.length; i++) ink[i] = rgba[4 * i + 3]! / 255;
    return ink;
  }

  clear(): void {
    this.context.clearRect(0, 0, this.canvas.width, this.canvas.height);
    this.last = undefined;
    this.onChange();
  }

  private start(event: PointerEvent): void {
    if (event.button !== 0) return;
    event.preventDefault();
    this.canvas.setPointerCapture(event.pointerId);
    this.last = this.point(event);
    // A tap leaves a dot.
    this.context.beginPath();
    this.context.arc(this.last.x, this.last.y, STROKE / 2, 0, 2 * Math.PI);
    this.context.fill();
    this.onChange();
  }

  private move(event: PointerEvent): void {
    if (!this.last) return;
    // The points the browser merged into this event, so that fast strokes stay smooth.
    const events = event.getCoalescedEvents?.() ?? [];
    this.context.beginPath();
    this.context.moveTo(this.last.x, this.last.y);
    for (const e of events.length > 0 ? events : [event]) {
      this.last = this.point(e);
      this.context.lineTo(this.last.x, this.last.y);
    }
    this.context.stroke();
    this.onChange();
  }

  /** Canvas pixels from CSS pixels: the canvas may be shown at another size. */
  private point(event: PointerEvent): { x: number; y: number } {
    const rect = this.canvas.getBoundingClientRect();
    return {
      x: ((event.clientX - rect.left) * this.canvas.width) / rect.width,
      y: ((event.clientY - rect.top) * this.canvas.height) / rect.height,
    };
  }
}
