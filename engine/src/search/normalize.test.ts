import { describe, expect, it } from '@jest/globals';
import { containsQuery, normalizeText } from './normalize.js';

describe('search normalisation', () => {
  it.each([
    ['شكاية بخصوص الإنارة العمومية', 'شكايه بخصوص الاناره العموميه'],
    ['أحمد إبراهيم آمال ٱلله', 'احمد ابراهيم امال الله'],
    ['مُرَاسَلَةٌ', 'مراسله'],
    ['مـــراســلة', 'مراسله'],
    ['مستشفى', 'مستشفي'],
    ['مؤسسة رئيس', 'موسسه رييس'],
    ['Réclamation  ÉLÈVE   Ça', 'reclamation eleve ca'],
    ['  2026/A/000123 ', '2026/a/000123'],
  ])('normalises %s', (given, expected) => {
    expect(normalizeText(given)).toBe(expected);
  });

  it('matches a variant spelling as a substring and escapes regex characters', () => {
    expect(containsQuery('شكايه بخصوص الانارة').test(normalizeText('شكاية بخصوص الإنارة العمومية'))).toBe(true);
    expect(containsQuery('reclamation').test(normalizeText('Objet : Réclamation'))).toBe(true);
    expect(containsQuery('a.b(').test('axb(')).toBe(false);
    expect(containsQuery('a.b(').test('a.b(')).toBe(true);
  });
});
