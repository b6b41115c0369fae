#!/usr/bin/python3
# test-a11y.py: the real app as a screen reader meets it, over AT-SPI.
#
# Copyright 2026 The Chronicle authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts the built chronicle on the bundled example with the accessibility
# bridge on, and reads its accessible tree through libatspi (python3-gi and
# gir1.2-atspi-2.0): no control of the app's named by a GTK type name or
# with a mnemonic underline, what each arrow key step exposes on the chart,
# zoom and edges, F6 to the quotes and back, story mode, search. Keys are
# sent through AT-SPI (XTest) to the window under the pointer. TAP output;
# skips with a reason where the display, the bindings or the bus are
# missing. Runs inside the session bus and X server of `chronicle-dev test`.

import os
import re
import signal
import subprocess
import sys
import time

# libatspi warns about the app's tree as it changes (dbind-WARNING): not
# this suite's subject, and fatal under the suites' G_DEBUG. The app's
# own warnings are not either (the widget suites check them).
if 'fatal' in os.environ.get('G_DEBUG', ''):
    env = dict(os.environ)
    env.pop('G_DEBUG')
    os.execve(sys.executable, [sys.executable] + sys.argv, env)

TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


def skip_all(reason):
    print(f'1..0 # SKIP {reason}')
    sys.exit(0)


if not os.environ.get('DISPLAY'):
    skip_all('no X display (run under xvfb-run, as chronicle-dev test does)')
if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
    skip_all('no session bus for the AT-SPI bus (run under dbus-run-session)')
try:
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi
except (ImportError, ValueError) as e:
    skip_all(f'no AT-SPI bindings ({e}): install python3-gi and gir1.2-atspi-2.0')

APP = os.environ.get('CHRONICLE_BIN')
SRCDIR = os.path.dirname(os.environ.get('G_TEST_SRCDIR', os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = os.path.join(SRCDIR, 'data', 'examples', 'istanbul-talks-2025.json')

# A control named like this was named by nobody: GTK 4.8 falls back to
# the type name, or keeps the underline of a mnemonic.
TYPE_NAME = re.compile(r'^(Gtk|Adw|Chronicle)[A-Z][A-Za-z]*$')
MNEMONIC = re.compile(r'(^|\s)_\w')
CONTROL_ROLES = {'push button', 'toggle button', 'check box', 'radio button', 'entry', 'list',
                 'list item', 'menu item', 'combo box', 'slider', 'spin button', 'link',
                 'page tab', 'text', 'scroll bar', 'table', 'tree table'}

WAIT = 5.0


def pump():
    """Delivers the AT-SPI events received so far to the listeners."""
    from gi.repository import GLib
    context = GLib.MainContext.default()
    while context.pending():
        context.iteration(False)


def wait_for(predicate, what, timeout=WAIT):
    end = time.monotonic() + timeout
    while True:
        pump()
        value = predicate()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f'timed out waiting for {what}')
        time.sleep(0.05)


def walk(obj, skip=None):
    """Depth first, without the subtrees skip(obj) is true for."""
    try:
        n = obj.get_child_count()
    except Exception:
        return
    for i in range(n):
        child = obj.get_child_at_index(i)
        if child is None or (skip and skip(child)):
            continue
        yield child
        yield from walk(child, skip)


def states(obj):
    return obj.get_state_set()


def is_focused(obj):
    return states(obj).contains(Atspi.StateType.FOCUSED)


class App:
    def __init__(self, files=(EXAMPLE,)):
        env = dict(os.environ)
        env.pop('NO_AT_BRIDGE', None)
        env['GTK_A11Y'] = 'atspi'
        self.proc = subprocess.Popen([APP, *files], env=env, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        self.events = []
        self.listener = Atspi.EventListener.new(self._on_event)
        for kind in ('object:property-change:accessible-name',
                     'object:property-change:accessible-description',
                     'object:state-changed:focused'):
            self.listener.register(kind)
        self.app = wait_for(self._find_app, 'the app on the AT-SPI bus', 15.0)
        self.frame = wait_for(lambda: self.app.get_child_count() > 0 and self.app.get_child_at_index(0),
                              'the window')
        self.chart = wait_for(self._find_chart, 'the chart with the example')

    def _on_event(self, event):
        try:
            if event.source.get_process_id() == self.proc.pid:
                self.events.append((event.type, event.source, event.any_data, event.detail1))
        except Exception:
            pass

    def _find_app(self):
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            try:
                if app is not None and app.get_process_id() == self.proc.pid:
                    return app
            except Exception:
                pass
        return None

    def find(self, predicate, root=None):
        for obj in walk(root or self.frame):
            try:
                if predicate(obj):
                    return obj
            except Exception:
                pass
        return None

    def _find_chart(self):
        return self.find(lambda o: o.get_role_name() == 'panel' and o.get_name().startswith('Timeline: ')
                         and states(o).contains(Atspi.StateType.FOCUSABLE))

    def focused(self):
        return self.find(is_focused)

    def key(self, keysym, mods=()):
        # Modifiers by keycode (Control_L is 37 on Xvfb's evdev keymap):
        # pressed, held around the key, released.
        codes = [{'ctrl': 37, 'shift': 50}[m] for m in mods]
        for code in codes:
            Atspi.generate_keyboard_event(code, None, Atspi.KeySynthType.PRESS)
        Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
        for code in reversed(codes):
            Atspi.generate_keyboard_event(code, None, Atspi.KeySynthType.RELEASE)
        time.sleep(0.05)

    def quit(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


# Keysyms (X11): what a person presses.
K_RIGHT, K_LEFT, K_END, K_HOME = 0xff53, 0xff51, 0xff57, 0xff50
K_RETURN, K_ESCAPE, K_F5, K_F6, K_MINUS = 0xff0d, 0xff1b, 0xffc2, 0xffc3, 0xffad
K_F = 0x0066
K_E = 0x0065


def unnamed_controls(app, skip=None):
    bad = []
    for obj in walk(app.frame, skip):
        try:
            role = obj.get_role_name()
            name = obj.get_name()
            focusable = states(obj).contains(Atspi.StateType.FOCUSABLE)
        except Exception:
            continue
        if not focusable and role not in CONTROL_ROLES:
            continue
        if role == 'scroll bar' and not focusable:
            continue  # a scrolled window's own bars: not reached with Tab
        if TYPE_NAME.match(name) or MNEMONIC.search(name) or (focusable and not name.strip()
                                                               and role in CONTROL_ROLES - {'text'}):
            bad.append(f'{role} {name!r} in {where(obj)}')
    return bad


def where(obj):
    """The nearest named ancestors, to find the control in the code."""
    names = []
    parent = obj.get_parent()
    while parent is not None and len(names) < 2:
        if parent.get_name() and parent.get_role_name() != 'frame':
            names.append(parent.get_name()[:40])
        parent = parent.get_parent()
    return ' < '.join(names) or 'the window'


def toolkit_tab_bar(obj):
    # libadwaita 1.2's tab bar: its tabs and close buttons are its own and
    # have no API to be named; it shows only with two tabs or more.
    try:
        return obj.get_name() == 'AdwTabBar'
    except Exception:
        return False


def toolkit_combo_list(obj):
    # libadwaita 1.2's combo row (AdwComboRow): the list in its popover and
    # that list's rows are its own, with no API to name them on GTK 4.8
    # (gtk_list_item_set_accessible_label is 4.12).
    try:
        if obj.get_role_name() != 'list' or obj.get_name() != 'GtkListView':
            return False
        parent = obj.get_parent()
        for _ in range(3):
            if parent is None:
                return False
            if parent.get_role_name() == 'combo box':
                return True
            parent = parent.get_parent()
    except Exception:
        pass
    return False


def named_ancestors(obj):
    """What a screen reader says of the containers around a newly focused
    object: their names (Orca skips the empty ones)."""
    names = []
    parent = obj.get_parent()
    while parent is not None and parent.get_role_name() not in ('frame', 'application'):
        if parent.get_name():
            names.append(f'{parent.get_role_name()} {parent.get_name()!r}')
        parent = parent.get_parent()
    return names


def chart_name(app):
    return app.chart.get_name()


@test
def controls_are_named(app):
    """No control of the app's own is named by a type name or a mnemonic: the window as
    it opens, with an event selected, then in story mode."""
    bad = unnamed_controls(app, toolkit_tab_bar)
    app.key(K_RIGHT)
    wait_for(lambda: chart_name(app).startswith('Event 1 of 11'), 'the first event')
    bad += [b for b in unnamed_controls(app, toolkit_tab_bar) if b not in bad]
    app.key(K_F5)
    wait_for(lambda: chart_name(app).startswith('Story, event 1 of 11'), 'story mode')
    bad += [b for b in unnamed_controls(app, toolkit_tab_bar) if b not in bad]
    app.key(K_ESCAPE)
    wait_for(lambda: chart_name(app).startswith('Story mode off. '), 'the end of story mode')
    assert not bad, f'{len(bad)} control(s) named by a type name or a mnemonic: {bad}'
    around = [n for n in named_ancestors(app.chart) if TYPE_NAME.match(n.split(' ', 1)[1].strip("'"))]
    assert not around, f'containers around the chart named by a type name: {around}'
    return f'0 of the controls in the window (tab bar aside) named by a type name'


@test
def tab_bar_is_named(app):
    """With two timelines open, the tab bar's own buttons (libadwaita's, without a name of their
    own) are named too: a second window of the app, opened on two files."""
    second = App(files=(os.path.join(SRCDIR, 'tests', 'data', 'corpus', 'apollo-11.json'), EXAMPLE))
    try:
        bar = wait_for(lambda: second.find(lambda o: o.get_name() == 'AdwTabBar' or
                                           o.get_role_name() == 'page tab list'), 'the tab bar')
        wait_for(lambda: sum(1 for o in walk(bar) if o.get_role_name() == 'push button') >= 2,
                 'a close button per tab')
        bad = unnamed_controls(second)
    finally:
        second.quit()
    assert not bad, f'{len(bad)} control(s) named by a type name or a mnemonic with two tabs: {bad}'
    return '0 of the controls named by a type name with two tabs, tab bar included'


@test
def arrows_read_each_event_once(app):
    """Each Right step exposes position, date, title, category, the summary's first sentence and the
    quote count in the name, once; the description stays the same; the last event and the edge are said."""
    app.key(K_HOME)
    wait_for(lambda: chart_name(app).startswith('Event 1 of 11, the first event: '), 'Home')
    description = app.chart.get_description()
    seen = [chart_name(app)]
    for step in range(2, 12):
        app.key(K_RIGHT)
        name = wait_for(lambda: chart_name(app).startswith(f'Event {step} of 11') and chart_name(app),
                        f'event {step}')
        seen.append(name)
    for i, name in enumerate(seen, 1):
        assert re.match(rf'Event {i} of 11(, the (first|last) event)?: [^.]+\. .+\.', name), name
        assert 'Category: ' in name, f'no category in {name!r}'
        assert re.search(r'(No quotes\.|\d+ quotes?, F6 to read (it|them)\.)$', name), f'no quote count: {name!r}'
        # Once: the title is not said twice (no "before it / after it").
        assert 'Before it' not in name and 'After it' not in name, name
    assert seen[-1].startswith('Event 11 of 11, the last event: '), seen[-1]
    assert app.chart.get_description() == description, 'the description changed with the steps'
    assert 'Event' not in description, f'the description repeats the event: {description!r}'
    app.key(K_RIGHT)
    wait_for(lambda: chart_name(app).startswith('No later event. Event 11 of 11'), 'the edge')
    return f'11 steps; last: {seen[-1][:90]}…'


@test
def summary_and_quotes_are_read(app):
    """The example's last event: its summary's first sentence (and not the second) and its quotes."""
    app.key(K_END)
    name = wait_for(lambda: not chart_name(app).startswith('No later') and chart_name(app), 'End')
    assert '16 May 2025' in name, name
    assert re.search(r'\d+ quotes?, F6', name), name
    # One sentence of the summary: at most two sentence ends after the title and category.
    body = name.split('Category: ', 1)[1]
    assert body.count('. ') <= 3, f'more than the first sentence: {body!r}'
    return name[:160]


@test
def zoom_is_said(app):
    """Enter zooms to the event, minus zooms out: the name starts with "Zoomed to <range>."; the overview
    describes the range it shows."""
    app.key(K_RETURN)
    name = wait_for(lambda: chart_name(app).startswith('Zoomed to ') and chart_name(app), 'the zoom note')
    assert re.match(r'Zoomed to [^.]*\d{4}\. Event 11 of 11', name), name
    for _ in range(3):
        app.key(K_MINUS)
    name2 = wait_for(lambda: chart_name(app) != name and chart_name(app), 'a zoom out note')
    assert name2.startswith('Zoomed to '), name2
    overview = app.find(lambda o: o.get_role_name() == 'scroll bar' and o.get_name().startswith('Overview'))
    assert overview is not None, 'no overview strip'
    assert overview.get_description().startswith('Showing '), overview.get_description()
    return f'{name[:60]} / overview: {overview.get_description()[:50]}'


@test
def f6_goes_to_the_first_quote_and_back(app):
    """F6 on the chart focuses the selected event's first quote; F6 there comes back."""
    app.key(K_F6)
    quote = wait_for(lambda: (f := app.focused()) and f.get_role_name() == 'label' and f.get_name().startswith('“') and f,
                     'the focus on a quote')
    around = [n for n in named_ancestors(quote) if TYPE_NAME.match(n.split(' ', 1)[1].strip("'"))]
    assert not around, f'containers around the quote named by a type name: {around}'
    app.key(K_F6)
    wait_for(lambda: is_focused(app.chart), 'the focus back on the chart')
    return quote.get_name()[:80]


@test
def story_mode_reads_events_and_quotes(app):
    """F5: each step's name starts with "Story, event N of 11"; F6 reaches the story card's quote."""
    app.key(K_HOME)
    app.key(K_F5)
    wait_for(lambda: chart_name(app).startswith('Story, event 1 of 11'), 'story mode')
    app.key(K_RIGHT)
    name = wait_for(lambda: chart_name(app).startswith('Story, event 2 of 11') and chart_name(app), 'a story step')
    assert 'Category: ' in name, name
    app.key(K_END)
    wait_for(lambda: chart_name(app).startswith('Story, event 11 of 11'), 'the last story step')
    app.key(K_F6)
    quote = wait_for(lambda: (f := app.focused()) and f.get_role_name() == 'label' and f.get_name().startswith('“') and f,
                     'the focus on a quote of the story card')
    card = quote.get_parent()
    while card is not None and not card.get_name().startswith('Story, event'):
        card = card.get_parent()
    assert card is not None, 'the focused quote is not the story card\'s'
    app.key(K_F6)
    wait_for(lambda: is_focused(app.chart), 'the focus back on the chart')
    app.key(K_ESCAPE)
    wait_for(lambda: chart_name(app).startswith('Story mode off. '), 'leaving story mode')
    return name[:80]


@test
def search_says_results_and_opened_event(app):
    """Ctrl+F focuses the entry and says so (a focus event); its description is the result count as it changes; Enter says
    which event opened."""
    app.events.clear()
    app.key(K_F, ('ctrl',))
    entry = wait_for(lambda: (f := app.focused()) and f.get_role_name() == 'entry' and f, 'the search entry')
    # What a screen reader follows is the focus event, not the state: GTK
    # 4.8 sent none from the entry of a GtkSearchBar (inside a revealer).
    try:
        wait_for(lambda: any(e[0] == 'object:state-changed:focused' and e[3] == 1 and e[1] == entry
                             for e in app.events), 'a focus event from the search entry')
    except AssertionError:
        seen = [(e[1].get_role_name(), e[1].get_name()[:20], e[3]) for e in app.events
                if e[0] == 'object:state-changed:focused']
        raise AssertionError(f'no focus event from the search entry; focus events: {seen}')
    for ch in 'talks':
        app.key(ord(ch))
    first = wait_for(lambda: re.match(r'^\d+ results?', entry.get_description() or '') and entry.get_description(),
                     'a result count')
    app.key(ord('x'))
    app.key(ord('x'))
    wait_for(lambda: entry.get_description() != first and entry.get_description(), 'a new result count')
    second = entry.get_description()
    assert second.startswith('0 results'), second
    app.key(0xff08)  # BackSpace
    app.key(0xff08)
    wait_for(lambda: entry.get_description() == first, 'the count back')
    app.key(K_RETURN)
    opened = wait_for(lambda: (entry.get_description() or '').startswith('Opened ') and entry.get_description(),
                      'the opened event')
    changes = [e for e in app.events
               if e[0] == 'object:property-change:accessible-description' and e[1] == entry]
    assert len(changes) >= 3, f'{len(changes)} description change events on the entry'
    app.key(K_ESCAPE)
    return f'{first!r} → {second!r}; {opened[:70]!r}'


@test
def editor_controls_are_named(app):
    """E on the chart opens the event editor in the sidebar; no control of it is named by a
    type name or a mnemonic; Escape leaves it."""
    if not is_focused(app.chart):
        app.chart.get_component_iface().grab_focus()
        wait_for(lambda: is_focused(app.chart), 'the focus on the chart')
    if not chart_name(app).startswith('Event '):
        app.key(K_RIGHT)
        wait_for(lambda: chart_name(app).startswith('Event '), 'an event selected')
    app.key(K_E)
    # GTK 4.8 does not say "showing" here: "visible" goes with the editor.
    wait_for(lambda: app.find(lambda o: o.get_role_name() == 'push button' and o.get_name() == 'Done'
                              and states(o).contains(Atspi.StateType.VISIBLE)), 'the editor')
    bad = unnamed_controls(app, lambda o: toolkit_tab_bar(o) or toolkit_combo_list(o))
    assert not bad, f'{len(bad)} control(s) of the editor named by a type name or a mnemonic: {bad}'
    app.key(K_ESCAPE)
    wait_for(lambda: app.find(lambda o: o.get_role_name() == 'push button' and o.get_name() == 'Done'
                              and states(o).contains(Atspi.StateType.VISIBLE)) is None, 'the editor closed')
    return 'the editor open: 0 of its controls named by a type name or a mnemonic'


def give_display_to_the_bus():
    """dbus-run-session starts before xvfb-run: the AT-SPI registry it
    activates would have no DISPLAY, and could not send keys."""
    from gi.repository import Gio, GLib
    env = {k: os.environ[k] for k in ('DISPLAY', 'XAUTHORITY') if k in os.environ}
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    bus.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus',
                  'UpdateActivationEnvironment', GLib.Variant('(a{ss})', (env,)), None,
                  Gio.DBusCallFlags.NONE, -1, None)


def main():
    if not APP or not os.access(APP, os.X_OK):
        skip_all('CHRONICLE_BIN is not set to the built app')
    try:
        give_display_to_the_bus()
        if not Atspi.is_initialized() if hasattr(Atspi, 'is_initialized') else False:
            Atspi.init()
        desktop = Atspi.get_desktop(0)
        if desktop is None:
            raise RuntimeError('no desktop object')
        desktop.get_child_count()
    except Exception as e:
        skip_all(f'the AT-SPI bus did not start ({e})')

    started = time.monotonic()
    try:
        app = App()
    except AssertionError as e:
        skip_all(f'the app did not show up on the AT-SPI bus: {e}')
    # The pointer in the window: without a window manager, X sends the
    # keys to the window under it.
    try:
        ext = app.frame.get_extents(Atspi.CoordType.SCREEN)
        Atspi.generate_mouse_event(ext.x + ext.width // 2, ext.y + 5, 'abs')
        wait_for(lambda: is_focused(app.chart) or app.key(0xff09) or False, 'the focus on the chart', 8.0)
    except AssertionError as e:
        app.quit()
        print(f'1..0 # SKIP keys do not reach the window here ({e})')
        return 0

    print(f'1..{len(TESTS)}')
    failed = 0
    for n, fn in enumerate(TESTS, 1):
        try:
            note = fn(app)
            print(f'ok {n} - {fn.__name__}' + (f' # {note}' if note else ''))
        except Exception as e:
            failed += 1
            print(f'not ok {n} - {fn.__name__}')
            for line in str(e).splitlines() or [repr(e)]:
                print(f'# {line}')
    app.quit()
    print(f'# {time.monotonic() - started:.1f} s')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
