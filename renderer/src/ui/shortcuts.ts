import { useEffect, useRef } from 'react';

/**
 * Window-wide keyboard shortcuts for the main actions (Ctrl+N 新建, Ctrl+O 导入, Ctrl+, 设置).
 * Keys are written like 'Ctrl+N'; Ctrl also matches ⌘ on macOS. The caller turns them off
 * (`enabled`) while one of its dialogs is open: a modal owns the keyboard.
 */
export function useShortcuts(map: Record<string, () => void>, enabled = true): void {
  const ref = useRef(map);
  useEffect(() => {
    ref.current = map;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      // A modal owns the keyboard: no page shortcut fires behind it.
      if (e.target instanceof Element && e.target.closest('[role="dialog"]')) return;
      const key = [e.ctrlKey || e.metaKey ? 'Ctrl' : '', e.altKey ? 'Alt' : '', e.shiftKey ? 'Shift' : '', e.key.length === 1 ? e.key.toUpperCase() : e.key]
        .filter(Boolean)
        .join('+');
      const fn = ref.current[key];
      if (fn) {
        e.preventDefault();
        fn();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
