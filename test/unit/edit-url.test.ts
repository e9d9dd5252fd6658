/** The "Föreslå ändring" address: the repository's edit page for the file, or nothing without a repository. */
import { describe, expect, it } from 'vitest';
import { editUrl } from '../../src/lib/site.ts';

describe('editUrl', () => {
  it('builds the edit page address from the repository, branch and file', () => {
    expect(
      editUrl('content/cases/2019/linkstep-stangastaden-2020.mdx', 'https://github.com/kommun/insyn', 'main'),
    ).toBe('https://github.com/kommun/insyn/edit/main/content/cases/2019/linkstep-stangastaden-2020.mdx');
    expect(editUrl('content/cases/2020/a.mdx', 'https://github.com/kommun/insyn/', 'publicering')).toBe(
      'https://github.com/kommun/insyn/edit/publicering/content/cases/2020/a.mdx',
    );
  });

  it('gives no link without a repository URL or a file', () => {
    expect(editUrl('content/cases/2020/a.mdx', undefined, 'main')).toBeUndefined();
    expect(editUrl(undefined, 'https://github.com/kommun/insyn', 'main')).toBeUndefined();
  });
});
