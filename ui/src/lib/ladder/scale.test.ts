import { describe, expect, it } from 'vitest';
import { meetsAfterRemoving, meetsSentence, scaleInput, scaleWords } from './scale';

const standard = { ratings: ['not yet', 'meets', 'exceeds'], meetsFrom: 1 };

describe('scale words', () => {
  it('reads the scale and its bar', () => {
    expect(scaleWords(standard)).toBe('not yet · meets · exceeds');
    expect(meetsSentence(standard)).toBe("'meets' or higher meets the level.");
    expect(meetsSentence({ ratings: ['no', 'yes'], meetsFrom: 1 })).toBe("Only 'yes' meets the level.");
  });
});

describe('scaleInput', () => {
  it('tidies the words and keeps the bar', () => {
    expect(scaleInput(['  emerging ', 'solid   work', 'role model'], 1)).toEqual({
      scale: { ratings: ['emerging', 'solid work', 'role model'], meetsFrom: 1 }
    });
  });

  it.each([
    [['a', ''], 1, 'needs a word'],
    [['only'], 1, 'between 2 and 7'],
    [['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], 1, 'between 2 and 7'],
    [['Good', 'good'], 1, 'appears twice'],
    [['low', 'x'.repeat(41)], 1, 'longer than 40'],
    [['low', 'high'], 0, 'at least one rating below'],
    [['low', 'high'], 2, 'at least one rating below']
  ])('refuses %j with the bar at %i', (ratings, meetsFrom, says) => {
    const r = scaleInput(ratings, meetsFrom);
    expect('error' in r && r.error).toContain(says);
  });
});

describe('meetsAfterRemoving', () => {
  it('follows its word and stays in range', () => {
    expect(meetsAfterRemoving(2, 0, 3)).toBe(1); // a word below went: the bar moves down with its word
    expect(meetsAfterRemoving(1, 3, 3)).toBe(1); // a word above went: unchanged
    expect(meetsAfterRemoving(2, 2, 3)).toBe(2); // its own word went: the next word up
    expect(meetsAfterRemoving(2, 2, 2)).toBe(1); // … or the top one when it was the last
    expect(meetsAfterRemoving(1, 0, 2)).toBe(1); // never below 1: something stays below the bar
  });
});
