import { boundedText, storableText } from '../../core/shared/schemas';

describe('text as PostgreSQL can keep it', () => {
  it.each([
    ['plain text', 'Jag lärde mig', 'Jag lärde mig'],
    ['a NUL inside', 'a\u0000b', 'ab'],
    ['a lone high surrogate', 'x\uD800', 'x\uFFFD'],
    ['a lone low surrogate', '\uDC00y', '\uFFFDy'],
    ['an emoji (a surrogate pair)', 'bra 🙂', 'bra 🙂'],
    ['the typed characters \\u0000', '\\u0000', '\\u0000'],
  ])('when a person sends %s, then what is stored is readable text', (_case, sent, stored) => {
    expect(storableText(sent)).toBe(stored);
  });

  it('when a text is nothing but NULs, then it counts as empty and is refused', () => {
    expect(boundedText(100).safeParse('\u0000\u0000').success).toBe(false);
    expect(boundedText(100).parse(' a\u0000 ')).toBe('a');
  });
});
