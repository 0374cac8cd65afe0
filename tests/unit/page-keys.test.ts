// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYS, figureKeyAction, isTypingTarget, pageAnswersDefault, shortcutLabel, type KeyLike } from '../../lib/page/keys';

const key = (over: Partial<KeyLike>): KeyLike => ({
  key: '',
  code: '',
  altKey: false,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  target: document.body,
  ...over,
});

describe('figure keys', () => {
  it('steps with Alt+J/K, toggles with Alt+O, closes with Escape, when the browser left the commands unassigned', () => {
    expect(figureKeyAction(key({ code: 'KeyJ', key: 'j', altKey: true }))).toBe('next');
    // macOS: Option+K gives another character; the physical key decides.
    expect(figureKeyAction(key({ code: 'KeyK', key: '˚', altKey: true }))).toBe('previous');
    expect(figureKeyAction(key({ code: 'KeyO', key: 'o', altKey: true }))).toBe('toggle');
    expect(figureKeyAction(key({ key: 'Escape', code: 'Escape' }))).toBe('close');
  });

  it('uses no default that switches input methods: no Alt+Shift, Ctrl+Space or Cmd+Space', () => {
    for (const k of Object.values(DEFAULT_KEYS)) {
      expect(k.label).not.toMatch(/Alt\+Shift|Space/);
      expect(k.mac).not.toMatch(/Command|Space/);
    }
    expect(figureKeyAction(key({ code: 'KeyJ', key: 'J', altKey: true, shiftKey: true }))).toBeNull();
  });

  it('leaves the default key to the browser once the reader gave the command another one', () => {
    const shortcuts = { 'next-figure': 'Ctrl+Shift+9', 'previous-figure': '', 'toggle-card': 'Alt+O' };
    expect(figureKeyAction(key({ code: 'KeyJ', altKey: true }), shortcuts)).toBeNull();
    expect(figureKeyAction(key({ code: 'KeyK', altKey: true }), shortcuts)).toBe('previous');
    expect(pageAnswersDefault('toggle-card', shortcuts)).toBe(true);
    expect(shortcutLabel('next', shortcuts)).toBe('Ctrl+Shift+9');
    expect(shortcutLabel('previous', shortcuts)).toBe('Alt+K');
  });

  it('leaves other combinations alone', () => {
    expect(figureKeyAction(key({ code: 'KeyJ', key: 'j' }))).toBeNull();
    expect(figureKeyAction(key({ code: 'KeyJ', key: 'J', shiftKey: true }))).toBeNull();
    expect(figureKeyAction(key({ code: 'KeyJ', altKey: true, ctrlKey: true }))).toBeNull();
    expect(figureKeyAction(key({ code: 'KeyN', altKey: true }))).toBeNull();
    expect(figureKeyAction(key({ key: 'Escape', code: 'Escape', shiftKey: true }))).toBeNull();
  });

  it('never fires while the reader types', () => {
    const input = document.createElement('input');
    const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });
    const area = document.createElement('textarea');
    const editable = document.createElement('div');
    editable.setAttribute('contenteditable', 'true');
    expect(isTypingTarget(input)).toBe(true);
    expect(isTypingTarget(area)).toBe(true);
    expect(isTypingTarget(editable)).toBe(true);
    expect(isTypingTarget(checkbox)).toBe(false);
    expect(figureKeyAction(key({ code: 'KeyJ', altKey: true, target: input }))).toBeNull();
    expect(figureKeyAction(key({ key: 'Escape', code: 'Escape', target: area }))).toBeNull();
    expect(figureKeyAction(key({ code: 'KeyJ', altKey: true, isComposing: true }))).toBeNull();
  });
});
