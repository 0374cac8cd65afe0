// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { figureKeyAction, isTypingTarget, type KeyLike } from '../../lib/page/keys';

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
  it('steps with Alt+Shift+J/K, toggles with Alt+Shift+O, closes with Escape', () => {
    expect(figureKeyAction(key({ code: 'KeyJ', key: 'J', altKey: true, shiftKey: true }))).toBe('next');
    // macOS: Alt+Shift+K gives another character; the physical key decides.
    expect(figureKeyAction(key({ code: 'KeyK', key: '', altKey: true, shiftKey: true }))).toBe('previous');
    expect(figureKeyAction(key({ code: 'KeyO', key: 'O', altKey: true, shiftKey: true }))).toBe('toggle');
    expect(figureKeyAction(key({ key: 'Escape', code: 'Escape' }))).toBe('close');
  });

  it('leaves other combinations alone', () => {
    expect(figureKeyAction(key({ code: 'KeyJ', key: 'j' }))).toBeNull();
    expect(figureKeyAction(key({ code: 'KeyJ', key: 'J', shiftKey: true }))).toBeNull();
    expect(figureKeyAction(key({ code: 'KeyJ', altKey: true, shiftKey: true, ctrlKey: true }))).toBeNull();
    expect(figureKeyAction(key({ code: 'KeyN', altKey: true, shiftKey: true }))).toBeNull();
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
    expect(figureKeyAction(key({ code: 'KeyJ', altKey: true, shiftKey: true, target: input }))).toBeNull();
    expect(figureKeyAction(key({ key: 'Escape', code: 'Escape', target: area }))).toBeNull();
    expect(figureKeyAction(key({ code: 'KeyJ', altKey: true, shiftKey: true, isComposing: true }))).toBeNull();
  });
});
