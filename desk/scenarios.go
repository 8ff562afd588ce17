package desk

import (
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/store"
)

// Scenarios returns the dossier's reminder scenarios: the shipped scenario of each
// class, replaced by the dossier's own where it has one.
func (s *Session) Scenarios() (dunning.Scenarios, error) {
	var sc dunning.Scenarios
	err := s.DB.View(func(tx *store.Tx) error {
		var err error
		sc, err = tx.Scenarios()
		return err
	})
	return sc, err
}

// ScenarioClasses returns the classes a scenario may be set for, sorted: the shipped
// ones (dunning.Classes) and the risk policy's.
func (s *Session) ScenarioClasses() ([]string, error) {
	var out []string
	err := s.DB.View(func(tx *store.Tx) error {
		var err error
		out, err = scenarioClasses(tx)
		return err
	})
	return out, err
}

func scenarioClasses(tx *store.Tx) ([]string, error) {
	p, err := tx.RiskPolicy()
	if err != nil {
		return nil, err
	}
	out := append(slices.Clone(dunning.Classes), p.Codes()...)
	slices.Sort(out)
	return slices.Compact(out), nil
}

// checkClass refuses a class a scenario may not be set for (scenarioClasses).
func checkClass(tx *store.Tx, class string) error {
	classes, err := scenarioClasses(tx)
	if err != nil {
		return err
	}
	if !slices.Contains(classes, class) {
		return &ledger.Problem{Key: "admin.err.scenario_class", Args: []string{"field", "class", "value", class,
			"allowed", strings.Join(classes, ", ")}}
	}
	return nil
}

// checkScenario is every check a scenario passes before it is stored: its class, its
// steps (Validate) and their stages (CheckStages).
func checkScenario(tx *store.Tx, sc dunning.Scenario) error {
	if err := checkClass(tx, sc.Class); err != nil {
		return err
	}
	if err := sc.Validate(); err != nil {
		return err
	}
	return sc.CheckStages()
}

// IsShipped reports whether sc has, step for step, the shipped scenario in force for
// its class (a class of the policy without a shipped scenario has the default class's).
func IsShipped(sc dunning.Scenario) bool {
	return slices.Equal(dunning.DefaultScenarios().For(sc.Class).Steps, sc.Steps)
}

// Scenario returns the scenario in force for class (the dossier's, else the shipped
// one: dunning.Scenarios.For), under that class; a class unknown to the dossier is
// refused.
func (s *Session) Scenario(class string) (dunning.Scenario, error) {
	var out dunning.Scenario
	err := s.DB.View(func(tx *store.Tx) error {
		if err := checkClass(tx, class); err != nil {
			return err
		}
		all, err := tx.Scenarios()
		out = all.For(class)
		out.Class = class
		return err
	})
	return out, err
}

// SetScenarioSteps replaces the steps of class's scenario by specs, each written
// DAY:CHANNEL[:STAGE] (dunning.ParseStepSpec), in one transaction: a step on the same
// channel and stage as one before keeps its code, minimum amount and manual validation
// (dunning.ReplaceSteps). The class is upper-cased; the scenario is checked as
// SaveScenario checks it, a bad spec named with its position.
func (s *Session) SetScenarioSteps(class string, specs []string) (dunning.Scenario, error) {
	class = strings.ToUpper(strings.TrimSpace(class))
	steps := make([]dunning.Step, len(specs))
	for i, spec := range specs {
		st, err := dunning.ParseStepSpec(spec)
		if err != nil {
			return dunning.Scenario{}, &ledger.Problem{Key: "admin.err.step_n", Args: []string{"class", class, "step", strconv.Itoa(i + 1)}, Err: err}
		}
		steps[i] = st
	}
	var out dunning.Scenario
	err := s.DB.Update(func(tx *store.Tx) error {
		cur, err := tx.Scenarios()
		if err != nil {
			return err
		}
		if err := checkClass(tx, class); err != nil {
			return err
		}
		out = dunning.ReplaceSteps(cur.For(class), steps)
		if err := checkScenario(tx, out); err != nil {
			return err
		}
		return tx.PutScenario(out)
	})
	if err != nil {
		return dunning.Scenario{}, err
	}
	return out, nil
}

// ScenariosFile is the export of a dossier's reminder scenarios, one per class.
type ScenariosFile struct {
	FileHeader
	Scenarios []dunning.Scenario `json:"scenarios"`
}

// ScenariosDoc returns the dossier's scenarios as the settings file holds them (class
// order, the shipped ones included).
func (s *Session) ScenariosDoc() (ScenariosFile, error) {
	sc, err := s.Scenarios()
	if err != nil {
		return ScenariosFile{}, err
	}
	f := ScenariosFile{FileHeader: FileHeader{KindScenarios, FileVersion}, Scenarios: []dunning.Scenario{}}
	for _, c := range slices.Sorted(maps.Keys(sc)) {
		f.Scenarios = append(f.Scenarios, sc[c])
	}
	return f, nil
}

// ExportScenarios writes the dossier's scenarios to w as a settings file
// (KindScenarios).
func (s *Session) ExportScenarios(w io.Writer) error {
	f, err := s.ScenariosDoc()
	if err != nil {
		return err
	}
	return writeAdminFile(w, f)
}

// ImportScenarios reads data, a scenarios file named name (ExportScenarios), and
// records the scenario of each class it lists in one transaction (one equal to the
// shipped scenario puts that one back); the other classes keep theirs. Each scenario
// is checked as SaveScenario checks it, and the first bad one refuses the whole file,
// named with its line; a class twice in the file is refused.
func (s *Session) ImportScenarios(name string, data []byte) (ImportCount, error) {
	var f ScenariosFile
	doc, err := readAdminFile(name, data, KindScenarios, &f)
	if err != nil {
		return ImportCount{}, err
	}
	var n ImportCount
	err = s.DB.Update(func(tx *store.Tx) error {
		cur, err := tx.Scenarios()
		if err != nil {
			return err
		}
		seen := map[string]bool{}
		for i, sc := range f.Scenarios {
			path := "scenarios[" + strconv.Itoa(i) + "]"
			err := checkScenario(tx, sc)
			if err == nil && seen[sc.Class] {
				err = &ledger.Problem{Key: "admin.err.scenario_twice", Args: []string{"field", "class", "value", sc.Class}}
			}
			if err != nil {
				if st, e := strconv.Atoi(problemArg(err, "step")); e == nil && doc.offset(path+".steps["+strconv.Itoa(st-1)+"]") >= 0 {
					path += ".steps[" + strconv.Itoa(st-1) + "]"
				} else if doc.offset(path+".class") >= 0 && problemArg(err, "field") == "class" {
					path += ".class"
				}
				return doc.at(path, err)
			}
			seen[sc.Class] = true
			if old, ok := cur[sc.Class]; ok && old.Class == sc.Class && slices.Equal(old.Steps, sc.Steps) {
				n.Same++
			} else {
				n.Changed++
			}
			if IsShipped(sc) {
				err = tx.ResetScenario(sc.Class)
			} else {
				err = tx.PutScenario(sc)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return ImportCount{}, err
	}
	return n, nil
}
