/**
 * Case bodies with every component in a built site: the configured fixture
 * site (the open-data fixture under the base path /insyn/, built once in
 * global setup), whose case beslut-med-orgnr quotes its decision (<Citat>),
 * corrects itself (<Rättelse>) and links to two other cases (<Ärende>), with
 * headings of every kind, a table, a task list and a footnote; avslag has a
 * correction of its own.
 */
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, inject, it } from 'vitest';
import { readPage, textOf } from '../helpers/site.ts';

const site = inject('configuredSiteDir');
const page = readPage(site, '/arenden/beslut-med-orgnr/');
const body = page.slice(
  page.indexOf('<h2 id="beskrivning">'),
  page.indexOf('</section>', page.indexOf('<h2 id="beskrivning">')),
);

describe('a case page whose body uses every component', () => {
  it('shows the correction at the top, dated, and not again in the body', () => {
    const top = page.slice(
      page.indexOf('<section aria-labelledby="rattelser"'),
      page.indexOf('<section aria-labelledby="fakta"'),
    );
    expect(top).toContain('<h2 id="rattelser">Rättelse</h2>');
    expect(top).toContain(
      '<div class="correction" id="rattelse-1"><p class="correction-date">Rättat den <time datetime="2021-04-20">20 april 2021</time>:</p><p>Beloppet till coacherna var 400 000 kr, inte 40 000 kr som det stod först.</p></div>',
    );
    expect(body).not.toContain('Beloppet till coacherna');
  });

  it('renders the quotation with its source document linked, and a URL source as the citation', () => {
    expect(body).toContain(
      '<figure class="quote"><blockquote><p>Arbetsmarknadsnämnden beviljar Föreningen Exempel 500 000 kr för <strong>coachning</strong> under ett år.</p></blockquote>\n<figcaption>Citat ur <a href="https://example.se/beslut.pdf">Beslut AMN 2021-12</a>, sidan 2</figcaption></figure>',
    );
    expect(body).toContain('<blockquote cite="https://example.se/protokoll.pdf">');
  });

  it('links to other cases and site paths under the base path', () => {
    expect(body).toContain('<a href="/insyn/arenden/avslag/">avslaget på ansökan</a>');
    expect(body).toContain('<p><a href="/insyn/arenden/ansokan-per-ar/">Ansökan som beslutet bygger på</a></p>');
    expect(body).toContain('<a href="/insyn/om/">om Insyn</a>, <a href="/insyn/data/">öppna data</a>');
  });

  it('shifts setext, ATX and raw HTML headings under the page heading with prefixed ids', () => {
    expect(body).toContain('<h3 id="text-bakgrund">Bakgrund</h3>');
    expect(body).toContain('<h4 id="text-uppfoljning">Uppföljning</h4>');
    expect(body).toContain('<h4 id="text-rapporter">Rapporter</h4>');
    expect(body).toContain('<th scope="col" class="align-center">Månad</th>');
    expect(body).toContain('<span class="task task-done">Klart:</span> Delrapport lämnad');
    expect(body).toContain('<h4 class="visually-hidden" id="footnote-label">Fotnoter</h4>');
  });

  it('ships no JavaScript and no inline style (the only script element is JSON-LD data)', () => {
    expect(page).not.toMatch(/<script(?! type="application\/ld\+json")|style="|javascript:/i);
  });
});

describe('Ärenden som hänvisar hit', () => {
  it('lists on the target page the cases that link to it', () => {
    for (const target of ['/arenden/avslag/', '/arenden/ansokan-per-ar/']) {
      const html = readPage(site, target);
      expect(html).toContain(
        '<h2 id="hanvisningar">Ärenden som hänvisar hit</h2><ul><li><a href="/insyn/arenden/beslut-med-orgnr/">Jobb &amp; &quot;framtid&quot;, steg 1 &lt;pilot&gt;</a></li></ul>',
      );
    }
  });

  it('is left out where no case links', () => {
    expect(textOf(readPage(site, '/arenden/beslut-med-orgnr/'))).not.toContain('Ärenden som hänvisar hit');
  });
});

describe('/rattelser.atom', () => {
  const feed = readPage(site, '/rattelser.atom');

  it('is well-formed Atom listing every correction, newest first, with its text and a link to it', () => {
    expect(SyntaxValidator.validate(feed)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' }).parse(feed) as {
      feed: { entry: { id: string; updated: string; title: string; content: { '#text': string } }[] };
    };
    const entries = parsed.feed.entry;
    expect(entries.map((e) => [e.updated, e.id])).toEqual([
      ['2021-05-03T00:00:00Z', 'https://data.example.org/insyn/arenden/avslag/#rattelse-1'],
      ['2021-04-20T00:00:00Z', 'https://data.example.org/insyn/arenden/beslut-med-orgnr/#rattelse-1'],
    ]);
    expect(entries[1]!.title).toBe('Rättelse: Jobb & "framtid", steg 1 <pilot>');
    expect(entries[1]!.content['#text']).toBe(
      '<p>Beloppet till coacherna var 400 000 kr, inte 40 000 kr som det stod först.</p>',
    );
  });

  it('is listed on the data page', () => {
    expect(readPage(site, '/data/')).toContain('/insyn/rattelser.atom');
  });
});

describe('Så läser du ett ärende (MDX through @astrojs/mdx, with the body components)', () => {
  const guide = readPage(site, '/las-ett-arende/');

  it('renders the components as case pages do, and site links under the base path', () => {
    expect(guide).toContain(
      '<div class="correction"><p class="correction-date">Rättat den <time datetime="2018-03-12">12 mars 2018</time>:</p>',
    );
    expect(guide).toContain('<figure class="quote"><blockquote><p>Arbetsmarknadsnämnden ingår en överenskommelse');
    expect(guide).toContain(
      '<figcaption>Citat ur Tjänsteskrivelse Överenskommelse Stångåstaden Linkstep (dec 2019)</figcaption>',
    );
    expect(guide).toContain('<a href="/insyn/rattelser.atom">Rättelser</a>');
    expect(guide).not.toMatch(/<script(?! type="application\/ld\+json")|style="/);
  });

  it('is linked from the about page', () => {
    expect(readPage(site, '/om/')).toContain('<a href="/insyn/las-ett-arende/">Så läser du ett ärende</a>');
  });
});
