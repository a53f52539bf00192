// The playground's pages. Plain DOM: every piece of data goes in through textContent or an attribute, never as HTML.

/** GET an API route; resolves to the JSON body, or throws an Error with the ProblemDetails' detail. */
async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && String(value).trim() !== '') query.set(name, String(value));
  }
  const url = query.size > 0 ? `${path}?${query}` : path;
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch {
    throw new Error('The playground could not reach the bot. Is interviewbot serve still running?');
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(body?.detail || body?.title || `The bot answered ${response.status}.`);
  }
  return body;
}

/** An element with optional class and text. */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

let cardCount = 0;

/** A quote card: the quote, who said it, the interview (linked when it has a URL), the attribution footer the chat
 * platforms show, and a "Context" disclosure that loads the interviewer's question and the answer around the quote. */
function quoteCard(card) {
  const id = `card-${++cardCount}`;
  const article = el('article', 'card');
  article.setAttribute('aria-labelledby', `${id}-speaker`);
  article.tabIndex = -1;

  const figure = el('figure');
  const quote = el('blockquote', 'quote');
  if (card.interview.url) quote.cite = card.interview.url;
  quote.append(el('p', null, `“${card.text}”`));
  const caption = el('figcaption', 'credit');
  const speaker = el('span', 'speaker', card.role === 'interviewee' ? card.speaker : `${card.speaker} (${card.role})`);
  speaker.id = `${id}-speaker`;
  const cite = el('cite', 'title');
  if (card.interview.url) {
    const link = el('a', null, card.interview.title);
    link.href = card.interview.url;
    link.rel = 'noopener noreferrer';
    cite.append(link);
  } else {
    cite.textContent = card.interview.title;
  }
  caption.append(speaker, el('span', 'sep', ' — '), cite);
  figure.append(quote, caption);
  article.append(figure, el('p', 'footer', card.footer));

  const details = el('details', 'context');
  details.append(el('summary', null, 'Context'));
  const body = el('div', 'context-body');
  body.setAttribute('aria-live', 'polite');
  details.append(body);
  details.addEventListener('toggle', () => {
    if (details.open && !details.dataset.loaded) loadContext(card.context, body, details);
  });
  article.append(details);
  return article;
}

async function loadContext(at, body, details) {
  details.dataset.loaded = 'loading';
  body.replaceChildren(el('p', 'status', 'Loading the context…'));
  try {
    const reply = await api('/api/context', { key: at.key, turn: at.turn, first: at.first, count: at.count, check: at.check });
    if (!reply.context) {
      body.replaceChildren(el('p', 'notice', reply.notice ?? 'No context is available.'));
      return;
    }
    const c = reply.context;
    const parts = [];
    if (c.question) {
      const asked = el('div', 'context-question');
      asked.append(el('p', 'label', 'The question'), el('p', null, c.question));
      parts.push(asked);
    }
    const answer = el('div', 'context-answer');
    const text = el('p');
    if (c.before) text.append(`${c.before} `);
    text.append(el('mark', null, c.quote.text));
    if (c.after) text.append(` ${c.after}`);
    answer.append(el('p', 'label', `${c.quote.speaker}’s answer`), text);
    parts.push(answer);
    body.replaceChildren(...parts);
    details.dataset.loaded = 'yes';
  } catch (error) {
    delete details.dataset.loaded;
    body.replaceChildren(el('p', 'error', error.message));
  }
}

/** Shows a reply in a result area: its quote cards, or its notice in the status line. */
function show(reply, status, area, append = false) {
  const quotes = reply.quotes ?? [];
  if (!append) area.replaceChildren();
  if (reply.notice) {
    status.textContent = reply.notice;
    status.classList.add('notice');
    return [];
  }
  status.classList.remove('notice');
  const cards = quotes.map(quoteCard);
  area.append(...cards);
  return cards;
}

function failed(error, status, area) {
  if (area) area.replaceChildren();
  status.textContent = error.message;
  status.classList.add('notice');
}

function setUpAsk() {
  const form = document.getElementById('ask-form');
  const status = document.getElementById('ask-status');
  const answers = document.getElementById('answers');
  const more = document.getElementById('more');
  let next = null;

  const render = (reply, append) => {
    const cards = show(reply, status, answers, append);
    next = reply.more ?? null;
    more.hidden = next === null;
    if (!reply.notice) {
      const shown = answers.querySelectorAll('.card').length;
      status.textContent = `${shown} ${shown === 1 ? 'quote' : 'quotes'} for “${reply.heading}”${next ? '; more are available' : ''}.`;
    }
    return cards;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const q = form.elements.q.value.trim();
    if (q === '') {
      status.textContent = 'Type a question first.';
      form.elements.q.focus();
      return;
    }
    status.textContent = 'Searching the interviews…';
    answers.setAttribute('aria-busy', 'true');
    try {
      render(await api('/api/ask', { q, speaker: form.elements.speaker.value }), false);
    } catch (error) {
      more.hidden = true;
      failed(error, status, answers);
    } finally {
      answers.removeAttribute('aria-busy');
    }
  });

  more.addEventListener('click', async () => {
    if (!next) return;
    more.disabled = true;
    try {
      const cards = render(await api('/api/ask', { q: next.q, speaker: next.speaker, skip: next.skip }), true);
      // Keyboard users land on the first new quote rather than on a button that may have gone.
      cards[0]?.focus();
    } catch (error) {
      failed(error, status, null);
    } finally {
      more.disabled = false;
    }
  });
}

function setUpQuote() {
  const form = document.getElementById('quote-form');
  const status = document.getElementById('quote-status');
  const result = document.getElementById('quote-result');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.textContent = 'Looking for a quote…';
    try {
      const reply = await api('/api/quote', { speaker: form.elements.speaker.value, interview: form.elements.interview.value, q: form.elements.q.value });
      if (show(reply, status, result).length > 0) status.textContent = 'Here is a quote.';
    } catch (error) {
      failed(error, status, result);
    }
  });
}

async function loadQotd() {
  const status = document.getElementById('qotd-status');
  const area = document.getElementById('qotd');
  try {
    const reply = await api('/api/qotd');
    if (show(reply, status, area).length > 0) status.textContent = reply.heading ?? 'Today’s quote';
  } catch (error) {
    failed(error, status, area);
  }
}

async function loadChoices() {
  try {
    const [speakers, corpus] = await Promise.all([api('/api/speakers'), api('/api/corpus')]);
    document.getElementById('speaker-names').replaceChildren(...speakers.speakers.map((name) => {
      const option = document.createElement('option');
      option.value = name;
      return option;
    }));
    const select = document.getElementById('quote-interview');
    for (const interview of corpus.interviews) {
      const option = el('option', null, interview.title);
      option.value = interview.id;
      select.append(option);
    }
  } catch {
    // Choices are a convenience: typing still works.
  }
}

async function loadCorpus() {
  const status = document.getElementById('corpus-status');
  const rows = document.querySelector('#interviews tbody');
  const skipped = document.getElementById('skipped');
  try {
    const corpus = await api('/api/corpus');
    status.textContent = `${corpus.interviewCount} ${corpus.interviewCount === 1 ? 'interview' : 'interviews'}, `
      + `${corpus.passageCount} passages, ${corpus.skipped.length} skipped ${corpus.skipped.length === 1 ? 'file' : 'files'}.`;
    rows.replaceChildren(...corpus.interviews.map((i) => {
      const row = el('tr');
      const title = el('th');
      title.scope = 'row';
      if (i.url) {
        const link = el('a', null, i.title);
        link.href = i.url;
        link.rel = 'noopener noreferrer';
        title.append(link);
      } else {
        title.append(i.title);
      }
      const meta = [i.outlet, i.date].filter(Boolean).join(' · ');
      if (meta) title.append(el('span', 'meta', meta));
      const cell = (label, className, text) => {
        const td = el('td', className, text);
        td.dataset.label = label;
        return td;
      };
      row.append(title, cell('Speakers', 'speakers', i.speakers.join(', ')), cell('Turns', 'num', String(i.turns)),
        cell('Passages', 'num', String(i.passages)), cell('File', 'file', i.file));
      return row;
    }));
    skipped.replaceChildren(...corpus.skipped.map((s) => {
      const item = el('li');
      item.append(el('code', 'file', s.file), el('span', 'reason', s.reason));
      return item;
    }));
    document.getElementById('skipped-none').hidden = corpus.skipped.length > 0;
  } catch (error) {
    status.textContent = error.message;
    status.classList.add('notice');
  }
}

if (document.body.dataset.page === 'corpus') {
  loadCorpus();
} else {
  setUpAsk();
  setUpQuote();
  loadQotd();
  loadChoices();
}
