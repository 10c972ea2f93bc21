import { describe, expect, it } from 'vitest';
import type { Figure, KpiDefinition } from '$lib/api';
import { figureText, intervalText, roiText, sampleText, valueText } from './format';

const figure = (over: Partial<Figure> = {}): Figure => ({
  value: 38,
  low: 31,
  high: 45,
  mean: null,
  n: 14,
  numerator: 0,
  denominator: 0,
  people: 12,
  hidden: false,
  ...over
});

const ramp: KpiDefinition = {
  id: 'ramp_time',
  name: 'Ramp time',
  formula: '',
  unit: 'days',
  higherIsBetter: false,
  counts: 'engagements'
};

describe('figures', () => {
  it('says a value in its unit', () => {
    expect(valueText('days', 37.6, 'en-US')).toBe('38 days');
    expect(valueText('share', 0.862, 'en-US')).toBe('86%');
    expect(valueText('share', 0.041, 'en-US')).toBe('4.1%');
    expect(valueText('per100', 2.54, 'en-US')).toBe('2.5 per 100 PRs');
  });

  it('gives the interval with the unit once', () => {
    expect(intervalText('days', figure(), 'en-US')).toBe('95%: 31–45 days');
    expect(intervalText('share', figure({ low: 0.49, high: 0.94 }), 'en-US')).toBe('95%: 49%–94%');
    expect(intervalText('days', figure({ low: null, high: null }), 'en-US')).toBe('');
  });

  it('never shows a hidden group, but always its n', () => {
    const hidden = figure({ hidden: true, value: null, low: null, high: null, people: 3, n: 4 });
    expect(figureText('days', hidden, 'en-US')).toBe('Too few people to show');
    expect(intervalText('days', hidden, 'en-US')).toBe('');
    expect(sampleText(ramp, hidden, 'en-US')).toBe('n 4 engagements · 3 people');
    expect(figureText('days', figure({ value: null }), 'en-US')).toBe('No data');
  });

  it('says a return as a signed percentage', () => {
    expect(roiText(1.4, 'en-US')).toBe('+140%');
    expect(roiText(-0.12, 'en-US')).toBe('−12%');
    expect(roiText(null, 'en-US')).toBe('—');
  });
});
