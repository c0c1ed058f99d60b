/** Fill patterns for bars, made once per colour. */
const patterns = new Map<string, CanvasPattern>();

/** An 8×8 tile to draw a pattern on: off the DOM in the chart worker, a canvas element on a page. */
function tile(): OffscreenCanvas | HTMLCanvasElement {
	if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(8, 8);
	const canvas = document.createElement('canvas');
	canvas.width = canvas.height = 8;
	return canvas;
}

/** Diagonal hatching in a colour: how a qualified figure (近, 以上, 超过…) is drawn. */
export function hatch(color: string): CanvasPattern | string {
	const cached = patterns.get(color);
	if (cached) return cached;
	const canvas = tile();
	const ctx = canvas.getContext('2d') as
		CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
	if (!ctx) return color;
	ctx.globalAlpha = 0.22;
	ctx.fillStyle = color;
	ctx.fillRect(0, 0, 8, 8);
	ctx.globalAlpha = 1;
	ctx.strokeStyle = color;
	ctx.lineWidth = 2;
	ctx.beginPath();
	for (const offset of [-8, 0, 8]) {
		ctx.moveTo(offset, 8);
		ctx.lineTo(offset + 8, 0);
	}
	ctx.stroke();
	const pattern = ctx.createPattern(canvas, 'repeat');
	if (!pattern) return color;
	patterns.set(color, pattern);
	return pattern;
}
