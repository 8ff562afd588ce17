//go:build unix

package grammar

import (
	"bufio"
	"os"
	"os/exec"
	"strings"
	"syscall"
)

// launcher runs grammalecte-server (a Python script) in the same interpreter, after starting a
// thread that waits for the end of its standard input: when Relance closes the pipe, or dies
// without closing it (a crash, a SIGKILL), the thread kills the whole process group, which
// includes the server's worker processes (they survive a plain kill of the server). It reads
// the raw descriptor: a read through sys.stdin would hold the buffer's lock, and the worker
// processes, forked meanwhile, would deadlock closing their copy of sys.stdin. As when Python
// runs a script itself, the script's folder comes first in sys.path (Grammalecte's zip keeps
// its modules beside grammalecte-server.py).
const launcher = `import os, runpy, signal, sys, threading
def watch():
    try:
        while os.read(0, 512):
            pass
    finally:
        os.killpg(0, signal.SIGKILL)
threading.Thread(target=watch, daemon=True).start()
sys.argv = sys.argv[1:]
sys.path.insert(0, os.path.dirname(os.path.abspath(sys.argv[0])))
runpy.run_path(sys.argv[0], run_name="__main__")
`

// command returns the command starting the server in its own process group. The script
// runs in the interpreter of its #! line, or python3 for a ".py" script without one (as
// unpacked from Grammalecte's zip), so that the launcher can watch it.
func command(prog program, args []string) *exec.Cmd {
	path := prog.script
	py := pythonOf(path)
	if py == "" && strings.HasSuffix(path, ".py") {
		py, _ = exec.LookPath("python3") // none: run the script itself, whose failure says why
	}
	var cmd *exec.Cmd
	if py != "" {
		cmd = exec.Command(py, append([]string{"-c", launcher, path}, args...)...)
	} else {
		cmd = exec.Command(path, args...)
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	return cmd
}

// pythonOf returns the interpreter of a Python script's "#!" line, or "".
func pythonOf(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	line, _ := bufio.NewReader(f).ReadString('\n')
	if !strings.HasPrefix(line, "#!") || !strings.Contains(line, "python") {
		return ""
	}
	f2 := strings.Fields(strings.TrimPrefix(line, "#!"))
	if len(f2) == 0 {
		return ""
	}
	interp := f2[0]
	if strings.HasSuffix(interp, "/env") && len(f2) > 1 { // #!/usr/bin/env python3
		p, err := exec.LookPath(f2[1])
		if err != nil {
			return ""
		}
		return p
	}
	if _, err := os.Stat(interp); err != nil {
		return ""
	}
	return interp
}

// killGroup signals the server's process group: SIGTERM, or SIGKILL when hard.
func killGroup(cmd *exec.Cmd, hard bool) {
	if cmd.Process == nil {
		return
	}
	sig := syscall.SIGTERM
	if hard {
		sig = syscall.SIGKILL
	}
	_ = syscall.Kill(-cmd.Process.Pid, sig)
}
