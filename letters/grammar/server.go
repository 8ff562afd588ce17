package grammar

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Checker runs Grammalecte's server as a child process and sends it letters. It is safe for
// concurrent use (the server answers one request at a time). Close stops the server.
type Checker struct {
	opts   Options
	client *http.Client

	mu       sync.Mutex // guards srv, failed and failedAt; held while starting
	srv      *server
	failed   error
	failedAt time.Time
}

// retryAfter is how long a failed start is remembered before trying again.
const retryAfter = 30 * time.Second

// New returns a Checker; the server starts at the first Check (or Start).
func New(opts Options) *Checker {
	if opts.StartTimeout <= 0 {
		opts.StartTimeout = 60 * time.Second
	}
	if opts.RequestTimeout <= 0 {
		opts.RequestTimeout = 20 * time.Second
	}
	// Loopback only, and never through a proxy named in the environment.
	tr := &http.Transport{Proxy: nil, DisableCompression: true, MaxIdleConnsPerHost: 2,
		DialContext: (&net.Dialer{Timeout: 5 * time.Second}).DialContext}
	return &Checker{opts: opts, client: &http.Client{Transport: tr}}
}

// Available reports whether Grammalecte's server is installed (and, on Windows, Python): nil,
// or an error matching ErrUnavailable that says what to install. It does not start anything.
func Available(opts Options) error {
	_, err := locate(realMachine(), opts.Server)
	return err
}

// Start starts the server now and waits until it has answered a first check (Grammalecte
// loads its rules in the worker at the first request: the slow part). Calling it early, in
// the background, makes the first real check fast.
func (c *Checker) Start(ctx context.Context) error {
	_, err := c.CheckContext(ctx, "fr", "Bonjour.")
	return err
}

// Close stops the server and its workers. The Checker can be used again afterwards: the
// next Check starts a new server.
func (c *Checker) Close() error {
	c.mu.Lock()
	srv := c.srv
	c.srv, c.failed = nil, nil
	c.mu.Unlock()
	if srv != nil {
		srv.kill()
	}
	c.client.CloseIdleConnections()
	return nil
}

// unavailable is an error matching ErrUnavailable: grammar checking is off for reason key
// (lang23.grammar.failed, lang23.grammar.noanswer), with the advice for this platform; the
// detail is kept for logs (Error), never shown on screen (Localize).
func unavailable(key string, detail error) error { return off(key, runtime.GOOS, detail) }

// ensure returns the running server, starting it if needed.
func (c *Checker) ensure() (*server, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.srv != nil && !c.srv.exited() {
		return c.srv, nil
	}
	if c.failed != nil && time.Since(c.failedAt) < retryAfter {
		return nil, c.failed
	}
	srv, err := c.start()
	if err != nil {
		c.failed, c.failedAt = err, time.Now()
		return nil, err
	}
	c.srv, c.failed = srv, nil
	return srv, nil
}

// stop forgets and kills srv if it is still the current server.
func (c *Checker) stop(srv *server) {
	c.mu.Lock()
	if c.srv == srv {
		c.srv = nil
	}
	c.mu.Unlock()
	srv.kill()
}

// start launches grammalecte-server on 127.0.0.1 and a free port, retrying once with another
// port if the first was taken in the meantime.
func (c *Checker) start() (*server, error) {
	prog, err := locate(realMachine(), c.opts.Server)
	if err != nil {
		return nil, err // already an ErrUnavailable
	}
	var last error
	for range 2 {
		srv, err := c.launch(prog)
		if err == nil {
			return srv, nil
		}
		last = err
		if !strings.Contains(err.Error(), "in use") {
			break
		}
	}
	return nil, unavailable("lang23.grammar.failed", last)
}

// server is one running grammalecte-server.
type server struct {
	base   string // http://127.0.0.1:PORT
	cmd    *exec.Cmd
	stdin  io.Closer // the launcher kills its process group when this pipe closes
	done   chan struct{}
	err    error // the exit status, once done is closed
	output *tail
	warm   atomic.Bool
	client *http.Client
}

func (c *Checker) launch(prog program) (*server, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	args := []string{"-ht", "127.0.0.1", "-p", strconv.Itoa(port), "-mp", "1"}
	cmd := command(prog, args)
	out := &tail{max: 4096}
	cmd.Stdout, cmd.Stderr = out, out
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%s: %w", prog.script, err)
	}
	s := &server{base: "http://127.0.0.1:" + strconv.Itoa(port), cmd: cmd, stdin: stdin,
		done: make(chan struct{}), output: out, client: c.client}
	go func() {
		s.err = cmd.Wait()
		close(s.done)
	}()
	if err := s.waitReady(c.opts.StartTimeout); err != nil {
		s.kill()
		return nil, err
	}
	return s, nil
}

// freePort asks the system for a free loopback port.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// waitReady polls /get_options/fr until the server answers with Grammalecte's options.
func (s *server) waitReady(timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		select {
		case <-s.done:
			return fmt.Errorf("grammalecte-server stopped (%v): %s", s.err, s.output.last())
		default:
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		body, err := s.get(ctx, "/get_options/fr")
		cancel()
		if err == nil {
			var opts struct {
				Values map[string]bool `json:"values"`
			}
			if json.Unmarshal(body, &opts) == nil && len(opts.Values) > 0 {
				return nil
			}
			return errors.New("the program on " + s.base + " is not grammalecte-server")
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("grammalecte-server did not answer within %v: %s", timeout, s.output.last())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (s *server) get(ctx context.Context, path string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.base+path, nil)
	if err != nil {
		return nil, err
	}
	return s.do(req)
}

func (s *server) post(ctx context.Context, path string, form url.Values, timeout time.Duration) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.base+path, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
	return s.do(req)
}

func (s *server) do(req *http.Request) ([]byte, error) {
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, statusError{resp.StatusCode}
	}
	return body, nil
}

func (s *server) exited() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

// exitedWithin reports whether the server has exited or exits within d.
func (s *server) exitedWithin(d time.Duration) bool {
	select {
	case <-s.done:
		return true
	case <-time.After(d):
		return false
	}
}

// kill stops the server and its worker processes, waiting at most 3 s.
func (s *server) kill() {
	_ = s.stdin.Close() // cleanup after the error returned below, or shutdown: nothing to report
	killGroup(s.cmd, false)
	select {
	case <-s.done:
		return
	case <-time.After(2 * time.Second):
	}
	killGroup(s.cmd, true)
	select {
	case <-s.done:
	case <-time.After(time.Second):
	}
}

// tail keeps the last bytes a process wrote, for error messages.
type tail struct {
	mu  sync.Mutex
	max int
	buf []byte
}

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if len(t.buf) > t.max {
		t.buf = append([]byte(nil), t.buf[len(t.buf)-t.max:]...)
	}
	return len(p), nil
}

// last returns the last few non-empty lines written.
func (t *tail) last() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(t.buf))
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) > 3 {
		lines = lines[len(lines)-3:]
	}
	if len(lines) == 0 {
		return "no output"
	}
	return strings.Join(lines, " | ")
}
