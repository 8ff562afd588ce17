package ledger

// OpenAtFunc returns the open amount at asOf of each item of a that was open then
// (items absent from the map were not open). credit.OpenAtMap is the implementation,
// which rebuilds the lettering at a past date; the packages that credit's tests reach
// through the demo dossier (law, dunning, risk) take it as a parameter instead of
// importing credit.
type OpenAtFunc func(a *Account, asOf Date) map[*Item]Cents
