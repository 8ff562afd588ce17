package ui

import (
	"encoding/json"
	"os"
	"sync"
	"time"
)

// tracer is where the window reports what it did (a dossier loaded, a screen shown, a
// row selected, a dialog opened or closed, a file written, an import step, an error
// shown): as JSON lines to the file named by RELANCE_TRACE, for the end-to-end
// journeys (scripts/e2e.sh) that drive the real window with a mouse and read the
// outcome from this file rather than from pixels, and to the functions watching it
// (what runs after the next load; the tests, which wait on these events instead of
// hooks of their own). It is safe from any goroutine.
type tracer struct {
	mu       sync.Mutex
	f        *os.File
	watchers map[int]func(name string, fields map[string]any)
	next     int
}

// open appends the events to the file name (none when name is empty or the file
// cannot be opened: tracing is opt-in and never stops the app).
func (t *tracer) open(name string) {
	if name == "" {
		return
	}
	f, err := os.OpenFile(name, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return
	}
	t.mu.Lock()
	t.f = f
	t.mu.Unlock()
}

// watch calls fn with every event from now on, on the goroutine that reports it,
// until stop is called.
func (t *tracer) watch(fn func(name string, fields map[string]any)) (stop func()) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.watchers == nil {
		t.watchers = map[int]func(string, map[string]any){}
	}
	id := t.next
	t.next++
	t.watchers[id] = fn
	return func() {
		t.mu.Lock()
		defer t.mu.Unlock()
		delete(t.watchers, id)
	}
}

// event reports one event with its fields (key, value pairs). An error value is
// written as its message; the watchers get it as it is.
func (t *tracer) event(name string, kv ...any) {
	t.mu.Lock()
	f := t.f
	ws := make([]func(string, map[string]any), 0, len(t.watchers))
	for _, w := range t.watchers {
		ws = append(ws, w)
	}
	t.mu.Unlock()
	if f == nil && len(ws) == 0 {
		return
	}
	fields := map[string]any{}
	for i := 0; i+1 < len(kv); i += 2 {
		if k, ok := kv[i].(string); ok {
			fields[k] = kv[i+1]
		}
	}
	if f != nil {
		t.write(name, fields)
	}
	for _, w := range ws {
		w(name, fields)
	}
}

// write appends one event to the trace file.
func (t *tracer) write(name string, fields map[string]any) {
	m := map[string]any{"event": name, "time": time.Now().Format(time.RFC3339Nano)}
	for k, v := range fields {
		if err, ok := v.(error); ok {
			v = err.Error()
		}
		m[k] = v
	}
	b, err := json.Marshal(m)
	if err != nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.f == nil {
		return
	}
	if _, err := t.f.Write(append(b, '\n')); err != nil {
		t.f = nil // a full disk ends tracing, never the app
	}
}

// close closes the trace file.
func (t *tracer) close() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.f != nil {
		_ = t.f.Close() // the trace is a test aid: nothing to tell the user
		t.f = nil
	}
}

// trace reports an event of the window (see tracer).
func (a *App) trace(name string, kv ...any) { a.tracer.event(name, kv...) }

// onLoaded runs fn once, on the Fyne goroutine, after the next successful open or
// reload of a dossier.
func (a *App) onLoaded(fn func()) {
	var stop func()
	stop = a.tracer.watch(func(name string, fields map[string]any) {
		if name != "loaded" {
			return
		}
		stop()
		if fields["error"] == nil {
			fn()
		}
	})
}
