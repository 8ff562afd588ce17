// Command benchtable runs the benchmarks listed in a targets file, each in its own process
// so that its peak resident memory can be read, and prints one Markdown table: operation,
// median of the runs, target, peak RSS and whether the target is met. `make bench` runs it;
// the README's performance section is its output.
//
// Targets file (tab-separated, # comments): package, benchmark name (exact), metric
// ("ns/op" or a custom unit such as "letters/s"), "<=" or ">=", limit, -test.cpu value
// ("" = all cores), -test.benchtime ("" = the -benchtime flag; rates need "1s" or more), label. Usage: go run ./scripts/benchtable [-count 3] [-out FILE] TARGETS
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

type target struct {
	pkg, name, metric, op string
	limit                 float64
	cpu, benchtime, label string
}

type result struct {
	target
	median float64
	rssMB  float64
	err    string
}

// keepMarker starts the part of the -out file that is not generated: it is kept as is.
const keepMarker = "<!-- kept by benchtable -->"

func main() {
	count := flag.Int("count", 3, "runs of each benchmark (the median is reported)")
	benchtime := flag.String("benchtime", "3x", "-test.benchtime of each run")
	out := flag.String("out", "", "also write the table to this file")
	tags := flag.String("tags", "ci", "build tags")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: benchtable [-count N] [-benchtime T] [-out FILE] TARGETS")
		os.Exit(2)
	}
	targets, err := readTargets(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(2)
	}
	dir, err := os.MkdirTemp("", "benchtable")
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
	defer os.RemoveAll(dir)

	bins := map[string]string{}
	var results []result
	failed := 0
	for _, t := range targets {
		bin, ok := bins[t.pkg]
		if !ok {
			bin = filepath.Join(dir, strings.NewReplacer("/", "_", ".", "_").Replace(t.pkg)+".test")
			cmd := exec.Command("go", "test", "-tags", *tags, "-c", "-o", bin, t.pkg)
			cmd.Stderr = os.Stderr
			if err := cmd.Run(); err != nil {
				fmt.Fprintf(os.Stderr, "benchtable: building %s: %v\n", t.pkg, err)
				os.Exit(1)
			}
			bins[t.pkg] = bin
		}
		r := run(bin, t, *count, *benchtime)
		if r.err != "" || !met(r) {
			failed++
		}
		fmt.Fprintf(os.Stderr, "%-40s %s\n", t.name, format(r.median, r.metric))
		results = append(results, r)
	}
	table := render(results)
	fmt.Print(table)
	if *out != "" {
		// What follows the marker (whole-process measurements, written by hand) is kept.
		if old, err := os.ReadFile(*out); err == nil {
			if i := strings.Index(string(old), keepMarker); i >= 0 {
				table += "\n" + string(old[i:])
			}
		}
		if err := os.WriteFile(*out, []byte(table), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "benchtable:", err)
			os.Exit(1)
		}
	}
	if failed > 0 {
		fmt.Fprintf(os.Stderr, "benchtable: %d target(s) not met\n", failed)
		os.Exit(1)
	}
}

func readTargets(path string) ([]target, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []target
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 8 {
			return nil, fmt.Errorf("%s:%d: 8 tab-separated fields expected, found %d", path, n, len(c))
		}
		limit, err := strconv.ParseFloat(c[4], 64)
		if err != nil || (c[3] != "<=" && c[3] != ">=") {
			return nil, fmt.Errorf("%s:%d: bad comparison %q %q", path, n, c[3], c[4])
		}
		out = append(out, target{pkg: c[0], name: c[1], metric: c[2], op: c[3], limit: limit, cpu: c[5], benchtime: c[6], label: c[7]})
	}
	return out, sc.Err()
}

// run runs one benchmark count times in a fresh process and returns the median of its metric.
func run(bin string, t target, count int, benchtime string) result {
	r := result{target: t}
	if t.benchtime != "" {
		benchtime = t.benchtime
	}
	parts := strings.Split(t.name, "/") // a sub-benchmark: "BenchmarkX/case"
	for i, p := range parts {
		parts[i] = "^" + p + "$"
	}
	args := []string{"-test.run", "^$", "-test.bench", strings.Join(parts, "/"), "-test.benchtime", benchtime,
		"-test.count", strconv.Itoa(count)}
	if t.cpu != "" {
		args = append(args, "-test.cpu", t.cpu)
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = pkgDir(t.pkg)
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = os.Stderr
	start := time.Now()
	err := cmd.Run()
	if cmd.ProcessState != nil {
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			r.rssMB = float64(ru.Maxrss) / 1024 // kilobytes on Linux
		}
	}
	if err != nil {
		r.err = fmt.Sprintf("failed after %s: %v", time.Since(start).Round(time.Second), err)
		return r
	}
	var vals []float64
	for _, line := range strings.Split(stdout.String(), "\n") {
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], t.name) {
			continue
		}
		// The name, less its -GOMAXPROCS suffix, must be exactly this benchmark.
		base := f[0]
		if i := strings.LastIndex(base, "-"); i > 0 {
			if _, err := strconv.Atoi(base[i+1:]); err == nil {
				base = base[:i]
			}
		}
		if base != t.name {
			continue
		}
		for i := 2; i+1 < len(f); i += 2 {
			if f[i+1] == t.metric {
				if v, err := strconv.ParseFloat(f[i], 64); err == nil {
					vals = append(vals, v)
				}
			}
		}
	}
	if len(vals) == 0 {
		r.err = "no " + t.metric + " in the output"
		return r
	}
	sort.Float64s(vals)
	r.median = vals[len(vals)/2]
	return r
}

// pkgDir turns an import path of this module ("./ledger/store") into its directory, so that
// the test binary finds its testdata.
func pkgDir(pkg string) string {
	return filepath.Clean(strings.TrimPrefix(pkg, "./"))
}

func met(r result) bool {
	if r.err != "" {
		return false
	}
	if r.op == "<=" {
		return r.median <= r.limit
	}
	return r.median >= r.limit
}

func format(v float64, metric string) string {
	if metric == "ns/op" {
		switch {
		case v >= 1e9:
			return fmt.Sprintf("%.2f s", v/1e9)
		case v >= 1e6:
			return fmt.Sprintf("%.0f ms", v/1e6)
		case v >= 1e3:
			return fmt.Sprintf("%.0f µs", v/1e3)
		}
		return fmt.Sprintf("%.0f ns", v)
	}
	return fmt.Sprintf("%s %s", group(v), metric)
}

// group writes v with thousands separators and no decimals above 100.
func group(v float64) string {
	if v < 100 {
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	s := strconv.FormatInt(int64(v+0.5), 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func render(rs []result) string {
	var b strings.Builder
	b.WriteString("| Operation | Benchmark | Median | Target | Peak RSS | Met |\n|---|---|---|---|---:|---|\n")
	for _, r := range rs {
		median := format(r.median, r.metric)
		ok := "yes"
		if r.err != "" {
			median, ok = r.err, "no"
		} else if !met(r) {
			ok = "**no**"
		}
		op := map[string]string{"<=": "≤ ", ">=": "≥ "}[r.op]
		cpu := ""
		if r.cpu == "1" {
			cpu = " (1 core)"
		}
		fmt.Fprintf(&b, "| %s%s | `%s` | %s | %s%s | %.0f MB | %s |\n", r.label, cpu, r.name, median, op,
			format(r.limit, r.metric), r.rssMB, ok)
	}
	return b.String()
}
