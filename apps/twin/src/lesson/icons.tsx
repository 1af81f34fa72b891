/** Small inline icons (no icon font: the machines this runs on may lack the glyphs). */

const common = {
  width: 14,
  height: 14,
  viewBox: '0 0 16 16',
  fill: 'currentColor',
  focusable: false,
} as const;

export function IconPlay() {
  return (
    <svg {...common} aria-hidden="true">
      <path d="M4 2.5v11l9-5.5z" />
    </svg>
  );
}

export function IconPause() {
  return (
    <svg {...common} aria-hidden="true">
      <path d="M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z" />
    </svg>
  );
}

/** Skip forward: to the next event, or to the end. */
export function IconSkip() {
  return (
    <svg {...common} aria-hidden="true">
      <path d="M2 2.5v11l6.5-5.5zM8 2.5v11l6.5-5.5z" />
      <path d="M13.5 2.5h1.5v11h-1.5z" />
    </svg>
  );
}

/** Back to the start. */
export function IconStart() {
  return (
    <svg {...common} aria-hidden="true">
      <path d="M1 2.5h1.5v11H1zM14.5 2.5v11L8 8zM8.5 2.5v11L2 8z" />
    </svg>
  );
}

export function IconChevron({ direction }: { direction: 'left' | 'right' }) {
  return (
    <svg {...common} aria-hidden="true">
      <path
        d={
          direction === 'left'
            ? 'M10.5 2 4.5 8l6 6 1.4-1.4L7.3 8l4.6-4.6z'
            : 'M5.5 2 4.1 3.4 8.7 8l-4.6 4.6L5.5 14l6-6z'
        }
      />
    </svg>
  );
}
