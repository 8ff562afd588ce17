package grammar

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"

	"relance/ledger"
)

// Where grammalecte-server is looked for. Relance does not ship Grammalecte:
//   - Linux: Debian's and Ubuntu's packages put grammalecte-server in /usr/bin (grammalecte-cli,
//     with python3-grammalecte and python3-bottle);
//   - Windows: the user unpacks Grammalecte's zip for Python (grammalecte.net: the server and
//     command line, bottle included) into a folder named Grammalecte… and installs Python 3
//     (python.org, with its « py » launcher);
//   - everywhere: RELANCE_GRAMMALECTE may name the script or its folder.
//
// A found script is run by Python: on Unix through its #! line (proc_unix.go), on Windows by
// the interpreter that pythons finds.

// scriptName is the server of Grammalecte's zip; the Debian package names it without ".py".
const scriptName = "grammalecte-server.py"

// envServer names grammalecte-server (the script, or the folder holding it).
const envServer = "RELANCE_GRAMMALECTE"

// program is a grammalecte-server found on the machine.
type program struct {
	script string   // grammalecte-server or grammalecte-server.py
	python []string // the interpreter and its first arguments ("py", "-3"); empty: the script runs itself
}

// machine is what the search depends on. realMachine reads this computer; the tests pass a
// fake one, which lets them search a Windows disk on Linux.
type machine struct {
	goos     string                       // runtime.GOOS
	getenv   func(string) string          // os.Getenv
	lookPath func(string) (string, error) // exec.LookPath
	isFile   func(string) bool            // a file (not a folder) exists at the path
	isDir    func(string) bool            // a folder exists at the path
	subdirs  func(string) []string        // the names of the folders in a folder
}

func realMachine() machine {
	stat := func(p string) os.FileInfo {
		st, err := os.Stat(p)
		if err != nil {
			return nil
		}
		return st
	}
	return machine{
		goos:     runtime.GOOS,
		getenv:   os.Getenv,
		lookPath: exec.LookPath,
		isFile:   func(p string) bool { st := stat(p); return st != nil && !st.IsDir() },
		isDir:    func(p string) bool { st := stat(p); return st != nil && st.IsDir() },
		subdirs: func(p string) []string {
			entries, err := os.ReadDir(p)
			if err != nil {
				return nil
			}
			var names []string
			for _, e := range entries {
				if e.IsDir() {
					names = append(names, e.Name())
				}
			}
			return names
		},
	}
}

func (m machine) windows() bool { return m.goos == "windows" }

// join joins path elements with the machine's separator.
func (m machine) join(elem ...string) string {
	sep := "/"
	if m.windows() {
		sep = `\`
	}
	out := ""
	for i, e := range elem {
		if i > 0 {
			out = strings.TrimRight(out, `/\`) + sep
		}
		out += e
	}
	return out
}

// locate finds grammalecte-server: explicit (Options.Server) when given, else RELANCE_GRAMMALECTE,
// else the usual places of the platform (scripts). On Windows it also finds Python (pythons).
// Its errors match ErrUnavailable and say, in plain words, what to install; the places
// searched are only in the error's detail (Error, for logs).
func locate(m machine, explicit string) (program, error) {
	var tried []string
	script := ""
	for _, given := range []string{explicit, m.getenv(envServer)} {
		if given == "" {
			continue
		}
		p := given
		if m.isDir(p) {
			p = m.join(p, scriptName)
		}
		tried = append(tried, p)
		if !m.isFile(p) {
			return program{}, notInstalled(m.goos, fmt.Errorf("%s not found", p))
		}
		script = p
		break
	}
	if script == "" {
		for _, p := range scripts(m) {
			tried = append(tried, p)
			if m.isFile(p) {
				script = p
				break
			}
		}
	}
	if script == "" {
		return program{}, notInstalled(m.goos, fmt.Errorf("grammalecte-server not found; looked in %s", strings.Join(tried, ", ")))
	}
	prog := program{script: script}
	if !m.windows() || !strings.EqualFold(filepath.Ext(script), ".py") {
		return prog, nil
	}
	py, looked := pythons(m)
	if py == nil {
		return program{}, off("lang23.grammar.nopython", m.goos,
			fmt.Errorf("%s found, but no Python; looked for %s", script, strings.Join(looked, ", ")))
	}
	prog.python = py
	return prog, nil
}

// scripts are the places grammalecte-server may be, most likely first: in PATH, then where
// the platform installs it (Linux) or where people unpack a zip (in a folder whose name
// starts with "grammalecte", or one level below it: Grammalecte\Grammalecte-fr-v2.1.2).
func scripts(m machine) []string {
	var out []string
	if m.windows() {
		for _, dir := range strings.Split(m.getenv("PATH"), ";") {
			if dir != "" {
				out = append(out, m.join(dir, scriptName))
			}
		}
	} else {
		for _, n := range []string{"grammalecte-server", scriptName} {
			if p, err := m.lookPath(n); err == nil {
				out = append(out, p)
			}
		}
		out = append(out, "/usr/bin/grammalecte-server", "/usr/local/bin/grammalecte-server")
	}
	for _, parent := range unpackParents(m) {
		for _, d := range grammalecteDirs(m, parent) {
			out = append(out, m.join(d, scriptName))
			for _, sub := range newestFirst(m.subdirs(d)) {
				out = append(out, m.join(d, sub, scriptName))
			}
		}
	}
	return out
}

// unpackParents are the folders in which people unpack a program they downloaded.
func unpackParents(m machine) []string {
	var out []string
	add := func(base string, rest ...string) {
		if base != "" {
			out = append(out, m.join(append([]string{base}, rest...)...))
		}
	}
	if m.windows() {
		local, home := m.getenv("LOCALAPPDATA"), m.getenv("USERPROFILE")
		add(local, "Programs")
		add(local)
		add(m.getenv("ProgramFiles"))
		add(m.getenv("ProgramFiles(x86)"))
		add(home)
		add(home, "Downloads")
		add(home, "Desktop")
		if d := m.getenv("SystemDrive"); d != "" {
			add(d + `\`)
		}
		return out
	}
	home := m.getenv("HOME")
	add(home)
	add(home, ".local", "share")
	add(home, "Downloads")
	add(home, "Applications")
	out = append(out, "/opt")
	return out
}

// grammalecteDirs are the folders of parent whose name starts with "grammalecte" (any case),
// the newest version first.
func grammalecteDirs(m machine, parent string) []string {
	var out []string
	for _, name := range newestFirst(m.subdirs(parent)) {
		if strings.HasPrefix(strings.ToLower(name), "grammalecte") {
			out = append(out, m.join(parent, name))
		}
	}
	return out
}

// pythons finds a Python 3 interpreter on Windows: the py launcher (python.org's installer
// puts it in PATH), then python3.exe or python.exe in PATH, then the usual installation
// folders (%LOCALAPPDATA%\Programs\Python\Python3xx, %ProgramFiles%\Python3xx), the newest
// first; the Microsoft Store's python.exe alias (…\WindowsApps), which only offers to install
// Python when it is missing, comes last. It returns the command and the places it looked in.
func pythons(m machine) ([]string, []string) {
	looked := []string{"py", "python3", "python"}
	if p, err := m.lookPath("py"); err == nil {
		return []string{p, "-3"}, looked
	}
	var alias string
	for _, n := range []string{"python3", "python"} {
		p, err := m.lookPath(n)
		if err != nil {
			continue
		}
		if strings.Contains(strings.ToLower(p), `\windowsapps\`) {
			if alias == "" {
				alias = p
			}
			continue
		}
		return []string{p}, looked
	}
	var dirs []string
	if l := m.getenv("LOCALAPPDATA"); l != "" {
		dirs = append(dirs, m.join(l, "Programs", "Python"))
	}
	for _, v := range []string{"ProgramFiles", "ProgramFiles(x86)"} {
		if p := m.getenv(v); p != "" {
			dirs = append(dirs, p)
		}
	}
	for _, dir := range dirs {
		for _, name := range newestFirst(m.subdirs(dir)) {
			if !strings.HasPrefix(strings.ToLower(name), "python3") {
				continue
			}
			p := m.join(dir, name, "python.exe")
			looked = append(looked, p)
			if m.isFile(p) {
				return []string{p}, looked
			}
		}
	}
	if alias != "" {
		return []string{alias}, looked
	}
	return nil, looked
}

// newestFirst sorts folder names so that the highest version comes first: Python313 before
// Python39, Grammalecte-fr-v2.1.10 before Grammalecte-fr-v2.1.9 (numbers compare as numbers).
func newestFirst(names []string) []string {
	out := append([]string(nil), names...)
	sort.SliceStable(out, func(i, j int) bool { return versionLess(out[j], out[i]) })
	return out
}

// versionLess compares a and b piece by piece, runs of digits as numbers.
func versionLess(a, b string) bool {
	for a != "" && b != "" {
		pa, ra := piece(a)
		pb, rb := piece(b)
		if pa != pb {
			na, ea := strconv.Atoi(pa)
			nb, eb := strconv.Atoi(pb)
			if ea == nil && eb == nil {
				return na < nb
			}
			return strings.ToLower(pa) < strings.ToLower(pb)
		}
		a, b = ra, rb
	}
	return len(a) < len(b)
}

// piece splits s after its first run of digits or of other characters.
func piece(s string) (string, string) {
	digit := s[0] >= '0' && s[0] <= '9'
	i := 1
	for i < len(s) && (s[i] >= '0' && s[i] <= '9') == digit {
		i++
	}
	return s[:i], s[i:]
}

// offError is why grammar checking is off. It shows the user a plain sentence (Localize:
// "grammar checking is off", then what happened and what to do for the platform); the
// technical cause (a path, the server's output, a Go error) is in Error only, for logs.
type offError struct {
	reason *ledger.Problem
	detail error
}

// off builds an offError of reason key, with the advice for goos.
func off(key, goos string, detail error) *offError {
	return &offError{reason: &ledger.Problem{Key: key, Args: []string{"advice_key", adviceKey(key, goos)}}, detail: detail}
}

// notInstalled: no grammalecte-server found.
func notInstalled(goos string, detail error) *offError {
	return off("lang23.grammar.missing", goos, detail)
}

// adviceKey is the catalogue key of what to do about reason key on goos.
func adviceKey(key, goos string) string {
	kind := "install"
	switch key {
	case "lang23.grammar.failed":
		kind = "repair"
	case "lang23.grammar.noanswer":
		return "lang23.grammar.retry"
	case "lang23.grammar.nopython":
		return "lang23.grammar.python"
	}
	switch goos {
	case "linux", "windows":
		return "lang23.grammar." + kind + "." + goos
	}
	return "lang23.grammar." + kind + ".other"
}

// Localize renders the reason grammar checking is off in lang, without the detail.
func (e *offError) Localize(lang string) string {
	return (&ledger.Problem{Key: ErrUnavailable.Key, Err: e.reason}).Localize(lang)
}

// Error is the English sentence and the detail, for logs.
func (e *offError) Error() string {
	if e.detail == nil {
		return e.Localize("en")
	}
	return e.Localize("en") + " [" + e.detail.Error() + "]"
}

// Is makes errors.Is(err, ErrUnavailable) true.
func (e *offError) Is(target error) bool { return errors.Is(ErrUnavailable, target) }

// Unwrap gives the reason and the detail to errors.Is and errors.As.
func (e *offError) Unwrap() []error {
	if e.detail == nil {
		return []error{e.reason}
	}
	return []error{e.reason, e.detail}
}
