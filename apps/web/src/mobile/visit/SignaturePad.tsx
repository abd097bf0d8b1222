import { useEffect, useRef } from 'react';

interface Props {
  /** Called with a PNG data URL after each stroke, or null once cleared. */
  onChange: (dataUrl: string | null) => void;
  /** Bumped by the parent to clear the pad. */
  clearKey: number;
  disabled?: boolean;
}

/**
 * ENG-04/06: the customer signs with a finger on the engineer's phone. Pointer events cover touch, pen
 * and mouse alike; the canvas is sized in device pixels so the strokes stay sharp, and each finished
 * stroke exports a PNG data URL (what the server stores, checked by its magic bytes).
 */
export function SignaturePad({ onChange, clearKey, disabled = false }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const inked = useRef(false);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const ratio = window.devicePixelRatio || 1;
    c.width = c.clientWidth * ratio;
    c.height = c.clientHeight * ratio;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111';
    inked.current = false;
    onChange(null);
    // onChange is the parent's setter; re-running on its identity would wipe the signature.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [clearKey]);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const down = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (disabled) return;
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    const p = point(e);
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
    ctx.lineTo(p.x + 0.1, p.y + 0.1);
    ctx.stroke();
  };
  const move = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = e.currentTarget.getContext('2d');
    const p = point(e);
    ctx?.lineTo(p.x, p.y);
    ctx?.stroke();
    inked.current = true;
  };
  const up = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    drawing.current = false;
    inked.current = true;
    onChange(e.currentTarget.toDataURL('image/png'));
  };

  return (
    <canvas
      ref={canvas}
      data-testid="signature-pad"
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={up}
      style={{
        width: '100%',
        height: 180,
        background: disabled ? '#f5f5f5' : '#fff',
        border: '1px dashed #bbb',
        borderRadius: 8,
        touchAction: 'none',
      }}
    />
  );
}
