//go:build windows

package grammar

import (
	"os/exec"
	"strconv"
	"syscall"
)

// launcherWindows runs grammalecte-server.py in the same interpreter, after starting a thread
// that waits for the end of its standard input: when Relance closes the pipe, or dies
// without closing it, the server exits, and its worker processes (spawned, reading their
// orders from a pipe to the server) end with it. As when Python runs a script itself, the
// script's folder comes first in sys.path (Grammalecte's zip keeps its modules, bottle
// included, beside grammalecte-server.py).
const launcherWindows = `import os, runpy, sys, threading
def watch():
    try:
        while os.read(0, 512):
            pass
    finally:
        os._exit(0)
threading.Thread(target=watch, daemon=True).start()
sys.argv = sys.argv[1:]
sys.path.insert(0, os.path.dirname(os.path.abspath(sys.argv[0])))
runpy.run_path(sys.argv[0], run_name="__main__")
`

// createNoWindow (CREATE_NO_WINDOW) keeps the console program from opening a console window
// beside Relance's.
const createNoWindow = 0x08000000

// command returns the command starting the server: Python (found by locate) on the script
// through the launcher, or a program named in Options.Server that is not a Python script.
func command(prog program, args []string) *exec.Cmd {
	var cmd *exec.Cmd
	if len(prog.python) > 0 {
		a := append([]string(nil), prog.python[1:]...)
		a = append(a, "-c", launcherWindows, prog.script)
		cmd = exec.Command(prog.python[0], append(a, args...)...)
	} else {
		cmd = exec.Command(prog.script, args...)
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{HideWindow: true, CreationFlags: createNoWindow}
	return cmd
}

// killGroup stops the server and its worker processes: taskkill ends the process tree (the
// py launcher, Python, its workers), then the process itself is killed if still there.
func killGroup(cmd *exec.Cmd, hard bool) {
	if cmd.Process == nil {
		return
	}
	tk := exec.Command("taskkill", "/T", "/F", "/PID", strconv.Itoa(cmd.Process.Pid))
	tk.SysProcAttr = &syscall.SysProcAttr{HideWindow: true, CreationFlags: createNoWindow}
	_ = tk.Run() // the tree may be gone already; Kill below reports nothing either
	_ = cmd.Process.Kill()
}
