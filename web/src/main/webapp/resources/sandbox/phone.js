/*
 * Filo Diretto - simulated phone for the WhatsApp sandbox.
 *
 * Vanilla JS (ES2020). Server-provided text is never passed to innerHTML:
 * every node is built with createElement/textContent, so payloads such as
 * "<script>" are shown literally. WhatsApp formatting is applied by a small
 * tokenizer that produces DOM nodes.
 */
(() => {
    'use strict';

    const CTX = document.body.dataset.context || '';
    const API = {
        conversation: CTX + '/sandbox/api/conversation?number=',
        inbound: CTX + '/sandbox/api/inbound',
        numbers: CTX + '/sandbox/api/numbers'
    };

    const POLL_MS = 1500;
    const NUMBERS_REFRESH_MS = 15000;
    const SEND_ERROR_MS = 8000;
    const MAX_CHIPS = 10;
    const BOTTOM_SLACK_PX = 48;
    const STORAGE_KEY = 'filodiretto.sandbox.number';
    const DEFAULT_NUMBER = '+393401234567';
    const NUMBER_RE = /^\+\d{8,15}$/;
    const EMPTY_HINT = 'Scrivi ISCRIVIMI per iscriverti, STOP per cancellarti, AIUTO per i comandi.';

    const STATUS = {
        sent: { ticks: '\u2713', label: 'Inviato' },
        delivered: { ticks: '\u2713\u2713', label: 'Consegnato' },
        read: { ticks: '\u2713\u2713', label: 'Letto' },
        failed: { ticks: '!', label: 'Non consegnato' }
    };

    const $ = (id) => document.getElementById(id);
    const el = {
        numberForm: $('number-form'),
        number: $('number'),
        numberError: $('number-error'),
        chips: $('chips'),
        chatNumber: $('chat-number'),
        messages: $('messages'),
        jump: $('jump'),
        error: $('error'),
        composer: $('composer'),
        message: $('message'),
        send: $('send'),
        sheet: $('sheet'),
        sheetTitle: $('sheet-title'),
        sheetBody: $('sheet-body')
    };

    const state = {
        number: null,       // E.164 number of the open chat
        gen: 0,             // bumped on every chat switch to drop stale responses
        timer: null,
        inFlight: false,
        again: false,       // a poll was requested while another was running
        lastRaw: null,      // last conversation JSON, to skip identical re-renders
        firstRender: true,
        sending: false,
        numbers: [],
        errorSource: null,
        errorTimer: null,
        lastFocus: null
    };

    /* ---------- small helpers ---------- */

    function h(tag, className, text) {
        const node = document.createElement(tag);
        if (className) node.className = className;
        if (text !== undefined && text !== null) node.textContent = String(text);
        return node;
    }

    function normalizeNumber(raw) {
        const n = String(raw || '').replace(/\s+/g, '');
        return NUMBER_RE.test(n) ? n : null;
    }

    function loadNumber() {
        try {
            return normalizeNumber(localStorage.getItem(STORAGE_KEY));
        } catch (e) {
            return null;
        }
    }

    function saveNumber(n) {
        try {
            localStorage.setItem(STORAGE_KEY, n);
        } catch (e) {
            /* storage unavailable (private mode): not essential */
        }
    }

    function describe(err) {
        return err && err.message ? err.message : 'errore di rete';
    }

    /* ---------- error line ---------- */

    function showError(source, message, autoHideMs) {
        clearTimeout(state.errorTimer);
        state.errorSource = source;
        el.error.textContent = message;
        el.error.hidden = false;
        if (autoHideMs) {
            state.errorTimer = setTimeout(() => clearError(source), autoHideMs);
        }
    }

    function clearError(source) {
        if (state.errorSource !== source) return;
        clearTimeout(state.errorTimer);
        state.errorSource = null;
        el.error.textContent = '';
        el.error.hidden = true;
    }

    /* ---------- WhatsApp formatting (DOM based, XSS safe) ---------- */

    // Inline tokens; the URL alternative comes first so markers inside links are kept.
    // Markers must hug non-space text and must not sit inside a word (like WhatsApp).
    const INLINE_SOURCE = [
        '(https?:\\/\\/[^\\s<>"]+)',
        '(?<![\\p{L}\\p{N}*])\\*(?!\\s)([^*\\n]+?)(?<!\\s)\\*(?![\\p{L}\\p{N}*])',
        '(?<![\\p{L}\\p{N}_])_(?!\\s)([^_\\n]+?)(?<!\\s)_(?![\\p{L}\\p{N}_])',
        '(?<![\\p{L}\\p{N}~])~(?!\\s)([^~\\n]+?)(?<!\\s)~(?![\\p{L}\\p{N}~])'
    ].join('|');
    const TRAILING_PUNCT = /[.,;:!?)\]'"]+$/;

    // Plain text with newlines turned into <br>.
    function appendText(parent, text) {
        text.split('\n').forEach((line, i) => {
            if (i > 0) parent.appendChild(document.createElement('br'));
            if (line) parent.appendChild(document.createTextNode(line));
        });
    }

    function appendLink(parent, raw) {
        let url = raw;
        let rest = '';
        const trail = url.match(TRAILING_PUNCT);
        if (trail) {
            rest = trail[0];
            url = url.slice(0, -rest.length);
        }
        let parsed = null;
        try {
            parsed = new URL(url);
        } catch (e) {
            parsed = null;
        }
        if (parsed && (parsed.protocol === 'http:' || parsed.protocol === 'https:')) {
            const a = h('a', 'link', url);
            a.href = parsed.href;
            a.target = '_blank';
            a.rel = 'noopener noreferrer';
            parent.appendChild(a);
        } else {
            appendText(parent, url);
        }
        if (rest) appendText(parent, rest);
    }

    function appendInline(parent, text) {
        const re = new RegExp(INLINE_SOURCE, 'gu'); // fresh instance: this function recurses
        let last = 0;
        let m;
        while ((m = re.exec(text)) !== null) {
            if (m.index > last) appendText(parent, text.slice(last, m.index));
            if (m[1] !== undefined) {
                appendLink(parent, m[1]);
            } else {
                const tag = m[2] !== undefined ? 'strong' : m[3] !== undefined ? 'em' : 's';
                const node = document.createElement(tag);
                appendInline(node, m[2] ?? m[3] ?? m[4]);
                parent.appendChild(node);
            }
            last = re.lastIndex;
        }
        if (last < text.length) appendText(parent, text.slice(last));
    }

    // ```mono``` blocks first (no formatting inside), then inline markers.
    function formatInto(parent, text) {
        String(text).split(/```([\s\S]+?)```/).forEach((part, i) => {
            if (i % 2 === 1) {
                parent.appendChild(h('code', 'mono', part));
            } else if (part) {
                appendInline(parent, part);
            }
        });
    }

    /* ---------- time ---------- */

    const timeFmt = new Intl.DateTimeFormat('it-IT', { hour: '2-digit', minute: '2-digit', hour12: false });
    const dateFmt = new Intl.DateTimeFormat('it-IT', { day: 'numeric', month: 'long', year: 'numeric' });

    function parseTime(iso) {
        if (!iso) return null;
        const d = new Date(iso);
        return Number.isNaN(d.getTime()) ? null : d;
    }

    function dayKey(d) {
        return d.getFullYear() + '-' + d.getMonth() + '-' + d.getDate();
    }

    function dayLabel(d) {
        const today = new Date();
        const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
        if (dayKey(d) === dayKey(today)) return 'Oggi';
        if (dayKey(d) === dayKey(yesterday)) return 'Ieri';
        return dateFmt.format(d);
    }

    /* ---------- rendering ---------- */

    function isNearBottom() {
        const box = el.messages;
        return box.scrollHeight - box.scrollTop - box.clientHeight < BOTTOM_SLACK_PX;
    }

    function scrollToBottom(smooth) {
        const box = el.messages;
        if (smooth && typeof box.scrollTo === 'function') {
            box.scrollTo({ top: box.scrollHeight, behavior: 'smooth' });
        } else {
            box.scrollTop = box.scrollHeight;
        }
    }

    function updateJump() {
        el.jump.hidden = !state.number || isNearBottom();
    }

    function notice(className, text) {
        const wrap = h('div', 'notice-row');
        wrap.appendChild(h('div', 'notice ' + className, text));
        return wrap;
    }

    function daySeparator(date) {
        const row = h('div', 'day-sep');
        row.appendChild(h('span', null, dayLabel(date)));
        return row;
    }

    function renderMeta(item, date, fromCitizen) {
        const meta = h('span', 'meta');
        const time = h('time', 'time', date ? timeFmt.format(date) : '');
        if (item.time) time.dateTime = String(item.time);
        meta.appendChild(time);
        const st = !fromCitizen && item.status ? STATUS[item.status] : null;
        if (st) {
            const ticks = h('span', 'ticks ticks-' + item.status, st.ticks);
            ticks.title = st.label;
            ticks.setAttribute('aria-label', st.label);
            meta.appendChild(ticks);
        }
        return { meta, wide: Boolean(st) };
    }

    function renderActions(item) {
        const buttons = Array.isArray(item.buttons)
            ? item.buttons.filter((b) => b && b.id !== undefined && b.id !== null)
            : [];
        const list = item.list && Array.isArray(item.list.sections) ? item.list : null;
        if (!buttons.length && !list) return null;

        const actions = h('div', 'bubble-actions');
        buttons.forEach((b) => {
            const title = b.title == null ? String(b.id) : String(b.title);
            const btn = h('button', 'reply-button', title);
            btn.type = 'button';
            btn.dataset.id = String(b.id);
            btn.addEventListener('click', () => {
                sendInbound({ from: state.number, buttonId: b.id, title });
            });
            actions.appendChild(btn);
        });
        if (list) {
            const btn = h('button', 'list-button');
            btn.type = 'button';
            btn.appendChild(h('span', 'list-icon', '\u2630')).setAttribute('aria-hidden', 'true');
            btn.appendChild(h('span', null, list.button || 'Vedi opzioni'));
            btn.addEventListener('click', () => openSheet(list));
            actions.appendChild(btn);
        }
        return actions;
    }

    function renderMessage(item, date, tail) {
        const fromCitizen = item.direction === 'in';
        const row = h('div', 'msg-row ' + (fromCitizen ? 'row-in' : 'row-out'));
        const wrap = h('div', 'msg');
        const bubble = h('div', 'bubble ' + (fromCitizen ? 'bubble-in' : 'bubble-out') + (tail ? ' tail' : ''));
        bubble.dataset.wamid = item.wamid == null ? '' : String(item.wamid);
        if (item.kind) bubble.dataset.kind = String(item.kind);
        if (item.status) bubble.dataset.status = String(item.status);

        if (item.header) bubble.appendChild(h('div', 'bubble-header', item.header));

        const body = h('div', 'bubble-text');
        if (item.text) {
            formatInto(body, item.text);
        } else if (!item.header) {
            body.appendChild(h('span', 'placeholder', '[' + (item.kind || 'messaggio') + ']'));
        }
        bubble.appendChild(body);

        let lastBlock = body;
        if (item.footer) {
            lastBlock = h('div', 'bubble-footer', item.footer);
            bubble.appendChild(lastBlock);
        }

        // The meta (time + ticks) floats bottom-right; a spacer keeps text from running under it.
        const { meta, wide } = renderMeta(item, date, fromCitizen);
        lastBlock.appendChild(h('span', 'meta-spacer' + (wide ? ' wide' : '')));
        bubble.appendChild(meta);
        wrap.appendChild(bubble);

        if (!fromCitizen) {
            const actions = renderActions(item);
            if (actions) {
                wrap.classList.add('has-actions');
                wrap.appendChild(actions);
            }
        }
        if (item.templateName) {
            wrap.appendChild(h('div', 'template-caption', 'modello: ' + item.templateName));
        }
        row.appendChild(wrap);
        return row;
    }

    function renderConversation(items) {
        const box = el.messages;
        const stick = state.firstRender || isNearBottom();
        const prevTop = box.scrollTop;

        const frag = document.createDocumentFragment();
        if (!items.length) frag.appendChild(notice('empty-hint', EMPTY_HINT));

        let lastDay = null;
        let lastDir = null;
        items.forEach((item) => {
            if (!item || typeof item !== 'object') return;
            const date = parseTime(item.time);
            if (date && dayKey(date) !== lastDay) {
                lastDay = dayKey(date);
                frag.appendChild(daySeparator(date));
                lastDir = null;
            }
            const dir = item.direction === 'in' ? 'in' : 'out';
            frag.appendChild(renderMessage(item, date, dir !== lastDir));
            lastDir = dir;
        });

        box.replaceChildren(frag);
        if (stick) scrollToBottom(false);
        else box.scrollTop = prevTop;
        updateJump();
    }

    /* ---------- list sheet ---------- */

    function openSheet(list) {
        state.lastFocus = document.activeElement;
        el.sheetTitle.textContent = list.button || 'Opzioni';
        const frag = document.createDocumentFragment();
        list.sections.forEach((section) => {
            if (!section) return;
            const sec = h('section', 'sheet-section');
            if (section.title) sec.appendChild(h('h3', 'sheet-section-title', section.title));
            (Array.isArray(section.rows) ? section.rows : []).forEach((row) => {
                if (!row || row.id === undefined || row.id === null) return;
                const title = row.title == null ? String(row.id) : String(row.title);
                const btn = h('button', 'list-row');
                btn.type = 'button';
                btn.dataset.id = String(row.id);
                const text = h('span', 'list-row-text');
                text.appendChild(h('span', 'list-row-title', title));
                if (row.description) text.appendChild(h('span', 'list-row-desc', row.description));
                btn.appendChild(text);
                btn.appendChild(h('span', 'list-row-radio')).setAttribute('aria-hidden', 'true');
                btn.addEventListener('click', () => {
                    closeSheet();
                    sendInbound({ from: state.number, listId: row.id, title });
                });
                sec.appendChild(btn);
            });
            frag.appendChild(sec);
        });
        el.sheetBody.replaceChildren(frag);
        el.sheet.hidden = false;
        const first = el.sheetBody.querySelector('.list-row') || el.sheet.querySelector('.sheet-close');
        if (first) first.focus();
    }

    function closeSheet() {
        if (el.sheet.hidden) return;
        el.sheet.hidden = true;
        el.sheetBody.replaceChildren();
        const back = state.lastFocus;
        state.lastFocus = null;
        if (back && document.contains(back) && typeof back.focus === 'function') back.focus();
    }

    /* ---------- polling ---------- */

    function schedulePoll() {
        clearTimeout(state.timer);
        state.timer = setTimeout(pollNow, POLL_MS);
    }

    function pollNow() {
        clearTimeout(state.timer);
        state.timer = null;
        if (!state.number) return;
        if (state.inFlight) {
            state.again = true;
            return;
        }
        runPoll();
    }

    async function runPoll() {
        const gen = state.gen;
        const number = state.number;
        if (document.hidden) {
            schedulePoll();
            return;
        }
        state.inFlight = true;
        try {
            const res = await fetch(API.conversation + encodeURIComponent(number), {
                cache: 'no-store',
                headers: { Accept: 'application/json' }
            });
            if (!res.ok) throw new Error('HTTP ' + res.status);
            const raw = await res.text();
            if (gen !== state.gen) return;
            clearError('poll');
            if (raw !== state.lastRaw) {
                const items = JSON.parse(raw);
                state.lastRaw = raw;
                renderConversation(Array.isArray(items) ? items : []);
                state.firstRender = false;
            }
        } catch (err) {
            if (gen === state.gen) {
                showError('poll', 'Impossibile aggiornare la conversazione (' + describe(err) + '). Nuovo tentativo\u2026');
            }
        } finally {
            state.inFlight = false;
            if (state.again || gen !== state.gen) {
                state.again = false;
                pollNow();
            } else {
                schedulePoll();
            }
        }
    }

    /* ---------- sending ---------- */

    function setSending(on) {
        state.sending = on;
        el.send.disabled = on;
        el.messages.classList.toggle('is-sending', on);
    }

    // Posts a simulated inbound message. Resolves to 'ok' (webhook answered 200),
    // 'rejected' (the sandbox got it but the webhook did not answer 200) or 'failed'.
    async function sendInbound(payload) {
        if (!state.number) {
            showError('send', 'Apri prima una chat.', SEND_ERROR_MS);
            return 'failed';
        }
        if (state.sending) return 'failed';
        setSending(true);
        let outcome = 'failed';
        try {
            const res = await fetch(API.inbound, {
                method: 'POST',
                cache: 'no-store',
                headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
                body: JSON.stringify(payload)
            });
            if (!res.ok) throw new Error('HTTP ' + res.status);
            const data = await res.json().catch(() => null);
            const status = data && data.status !== undefined && data.status !== null ? Number(data.status) : NaN;
            outcome = status === 200 ? 'ok' : 'rejected';
            if (status === 200) {
                clearError('send');
            } else if (Number.isNaN(status)) {
                showError('send', 'Risposta non valida dal server della sandbox.', SEND_ERROR_MS);
            } else {
                showError('send', 'Il webhook ha risposto con stato ' + status + '.', SEND_ERROR_MS);
            }
        } catch (err) {
            showError('send', 'Invio non riuscito (' + describe(err) + ').', SEND_ERROR_MS);
        } finally {
            setSending(false);
            pollNow();
            refreshNumbers();
        }
        return outcome;
    }

    async function onComposerSubmit(event) {
        event.preventDefault();
        const text = el.message.value.trim();
        if (!text || state.sending) return;
        el.message.value = '';
        const outcome = await sendInbound({ from: state.number, text });
        // Give the text back if it never reached the sandbox and nothing new was typed meanwhile.
        if (outcome === 'failed' && !el.message.value) el.message.value = text;
        el.message.focus();
    }

    /* ---------- numbers / chips ---------- */

    function renderChips() {
        const frag = document.createDocumentFragment();
        if (!state.numbers.length) {
            frag.appendChild(h('li', 'chips-empty', 'nessuno'));
        }
        state.numbers.forEach((n) => {
            const li = h('li');
            const chip = h('button', 'chip', n);
            chip.type = 'button';
            chip.dataset.number = n;
            chip.setAttribute('aria-pressed', String(n === state.number));
            chip.addEventListener('click', () => {
                el.number.value = n;
                openFromInput(true);
            });
            li.appendChild(chip);
            frag.appendChild(li);
        });
        el.chips.replaceChildren(frag);
    }

    async function refreshNumbers() {
        try {
            const res = await fetch(API.numbers, { cache: 'no-store', headers: { Accept: 'application/json' } });
            if (!res.ok) return;
            const list = await res.json();
            if (!Array.isArray(list)) return;
            const unique = [...new Set(list.filter((n) => typeof n === 'string' && n))].slice(0, MAX_CHIPS);
            if (unique.join('|') !== state.numbers.join('|')) {
                state.numbers = unique;
                renderChips();
            }
        } catch (e) {
            /* chips are a convenience: ignore failures */
        }
    }

    /* ---------- opening a chat ---------- */

    function showNumberError(message) {
        el.numberError.textContent = message;
        el.numberError.hidden = !message;
        if (message) el.number.setAttribute('aria-invalid', 'true');
        else el.number.removeAttribute('aria-invalid');
    }

    function openChat(number) {
        state.gen += 1;
        state.number = number;
        state.lastRaw = null;
        state.firstRender = true;
        el.chatNumber.textContent = number;
        closeSheet();
        clearError('poll');
        clearError('send');
        el.messages.replaceChildren(notice('loading', 'Caricamento\u2026'));
        el.jump.hidden = true;
        el.chips.querySelectorAll('.chip').forEach((chip) => {
            chip.setAttribute('aria-pressed', String(chip.dataset.number === number));
        });
        pollNow();
    }

    function openFromInput(focusComposer) {
        const number = normalizeNumber(el.number.value);
        if (!number) {
            showNumberError('Numero non valido: usa il formato internazionale, es. +393401234567 (+ seguito da 8\u201315 cifre).');
            el.number.focus();
            return;
        }
        showNumberError('');
        el.number.value = number;
        saveNumber(number);
        openChat(number);
        if (focusComposer) el.message.focus();
    }

    /* ---------- wiring ---------- */

    el.numberForm.addEventListener('submit', (event) => {
        event.preventDefault();
        openFromInput(true);
    });
    el.number.addEventListener('input', () => {
        if (!el.numberError.hidden) showNumberError('');
    });
    el.composer.addEventListener('submit', onComposerSubmit);
    el.messages.addEventListener('scroll', updateJump, { passive: true });
    el.jump.addEventListener('click', () => scrollToBottom(true));
    el.sheet.addEventListener('click', (event) => {
        if (event.target.closest('[data-close]')) closeSheet();
    });
    document.addEventListener('keydown', (event) => {
        if (event.key === 'Escape' && !el.sheet.hidden) closeSheet();
    });
    document.addEventListener('visibilitychange', () => {
        if (!document.hidden) pollNow();
    });

    el.number.value = loadNumber() || DEFAULT_NUMBER;
    renderChips();
    refreshNumbers();
    setInterval(refreshNumbers, NUMBERS_REFRESH_MS);
    openFromInput(false);
})();
