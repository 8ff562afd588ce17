package desk

import (
	"encoding/json"
	"fmt"
	"io"

	"relance/ledger"
	"relance/ledger/classroom"
	"relance/ledger/roleplay"
	"relance/letters/pdfdoc"
	"relance/letters/roleplaypdf"
)

// RolePlayModule is the course module a role-play assesses (the quiz's module ID for
// « Relancer par téléphone »).
const RolePlayModule = "phone"

// RolePlayCards gathers the role-play cards of customer id at asOf with profile p (the
// one the situation suggests when empty): the situation comes from what its call sheet
// shows (open items, disputes, promises, payer profile, risk class).
func (s *Session) RolePlayCards(id string, asOf ledger.Date, p roleplay.Profile) (roleplay.Cards, error) {
	if p != "" {
		if _, err := roleplay.ParseProfile(string(p)); err != nil {
			return roleplay.Cards{}, err
		}
	}
	if s.Book.Account(id) == nil {
		return roleplay.Cards{}, &ledger.Problem{Key: "pdf.err.customer", Args: []string{"value", id}}
	}
	ag, err := s.Agenda(asOf, false, nil)
	if err != nil {
		return roleplay.Cards{}, err
	}
	sheet, err := s.CallSheet(id, asOf, ag.Agenda, ag.Records)
	if err != nil {
		return roleplay.Cards{}, err
	}
	sit := roleplay.Build(sheet.Account, asOf, sheet.Records, sheet.Disputes, sheet.Profile, sheet.Class)
	return roleplay.Make(sit, p), nil
}

// rolePlayPrint is the dossier's part of the role-play documents.
func (s *Session) rolePlayPrint(lang string) roleplaypdf.Print {
	return roleplaypdf.Print{Company: s.Book.Settings.Company, Currency: s.Book.Settings.Currency, Lang: lang}
}

// RolePlayCardsPDF writes cards c for printing to w, in lang (the trainer's language).
func (s *Session) RolePlayCardsPDF(w io.Writer, c roleplay.Cards, lang string, f *pdfdoc.Factory) error {
	return roleplaypdf.Cards(w, s.rolePlayPrint(lang), c, f)
}

// RolePlayGridPDF writes the filled grid g of trainee (a name) at asOf to w, in lang.
func (s *Session) RolePlayGridPDF(w io.Writer, trainee string, g roleplay.Grid, asOf ledger.Date, lang string, f *pdfdoc.Factory) error {
	name := g.Customer
	if a := s.Book.Account(g.Customer); a != nil {
		name = a.Customer.Name
	}
	return roleplaypdf.Grid(w, s.rolePlayPrint(lang), roleplaypdf.Observed{Trainee: trainee, Name: name, AsOf: asOf, Grid: g}, f)
}

// ScoreRolePlay scores grid g, observed by `by` at asOf, and keeps it with trainee ref
// (an ID or a name) as a role-play attempt whose Detail is the grid, in one
// transaction (Session.RecordAttempt). It returns the attempt kept and the score.
func (s *Session) ScoreRolePlay(ref string, g roleplay.Grid, asOf ledger.Date, by string) (*classroom.Attempt, roleplay.Score, error) {
	if err := g.Validate(asOf); err != nil {
		return nil, roleplay.Score{}, err
	}
	a := s.Book.Account(g.Customer)
	if a == nil {
		return nil, roleplay.Score{}, &ledger.Problem{Key: "pdf.err.customer", Args: []string{"value", g.Customer}}
	}
	t, err := s.TraineeByName(ref)
	if err != nil {
		return nil, roleplay.Score{}, err
	}
	sc := g.Scored()
	detail, err := json.Marshal(g)
	if err != nil {
		return nil, roleplay.Score{}, fmt.Errorf("role-play grid: %w", err)
	}
	at := &classroom.Attempt{Trainee: t.ID, Kind: classroom.RolePlay,
		Exercise: "roleplay/" + g.Customer + "/" + string(g.Profile), Title: a.Customer.Name,
		Module: RolePlayModule, Date: asOf, Score: sc.Points, OutOf: sc.OutOf, Detail: detail, By: by}
	if err := s.RecordAttempt(at); err != nil {
		return nil, roleplay.Score{}, err
	}
	return at, sc, nil
}
