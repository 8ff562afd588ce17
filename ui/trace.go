package ui

import (
	"encoding/json"
	"os"
	"sync"
	"time"
)

// tracer writes what the window does as JSON lines (one event a line: screen shown,
// row selected, dialog opened or closed, file written, error shown) to the file named by
// RELANCE_TRACE, for the end-to-end journeys (scripts/e2e.sh) that drive the real
// window with a mouse and read the outcome from this file rather than from pixels.
// A nil tracer writes nothing; it is safe from any goroutine.
type tracer struct {
	mu sync.Mutex
	f  *os.File
}

// openTracer opens the trace file named by RELANCE_TRACE for appending, or returns nil
// when the variable is empty or the file cannot be opened (tracing is opt-in and never
// stops the app).
func openTracer() *tracer {
	name := os.Getenv("RELANCE_TRACE")
	if name == "" {
		return nil
	}
	f, err := os.OpenFile(name, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil
	}
	return &tracer{f: f}
}

// event writes one event with its fields (key, value pairs) and the time.
func (t *tracer) event(name string, kv ...any) {
	if t == nil {
		return
	}
	m := map[string]any{"event": name, "time": time.Now().Format(time.RFC3339Nano)}
	for i := 0; i+1 < len(kv); i += 2 {
		if k, ok := kv[i].(string); ok {
			m[k] = kv[i+1]
		}
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
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.f != nil {
		_ = t.f.Close() // the trace is a test aid: nothing to tell the user
		t.f = nil
	}
}

// trace records an event of the window when RELANCE_TRACE is set (see tracer).
func (a *App) trace(name string, kv ...any) { a.tracer.event(name, kv...) }
