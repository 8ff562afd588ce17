package demo

// Word lists for the demo dossier. Cities carry their real postcodes.

import "relance/ledger"

type city struct{ postcode, name string }

var frenchCities = []city{
	{"69002", "Lyon"}, {"69100", "Villeurbanne"}, {"38000", "Grenoble"}, {"42000", "Saint-Étienne"},
	{"01000", "Bourg-en-Bresse"}, {"73000", "Chambéry"}, {"74000", "Annecy"}, {"26000", "Valence"},
	{"63000", "Clermont-Ferrand"}, {"21000", "Dijon"}, {"13001", "Marseille"}, {"75011", "Paris"},
	{"75015", "Paris"}, {"92100", "Boulogne-Billancourt"}, {"31000", "Toulouse"}, {"33000", "Bordeaux"},
	{"44000", "Nantes"}, {"67000", "Strasbourg"}, {"59000", "Lille"}, {"34000", "Montpellier"},
	{"06000", "Nice"}, {"35000", "Rennes"}, {"51100", "Reims"}, {"37000", "Tours"},
	{"71100", "Chalon-sur-Saône"}, {"03100", "Montluçon"}, {"07200", "Aubenas"}, {"38200", "Vienne"},
	{"69400", "Villefranche-sur-Saône"}, {"42300", "Roanne"},
}

var streets = []string{
	"rue de la République", "avenue Jean-Jaurès", "rue Victor-Hugo", "boulevard des Belges",
	"rue du Président-Édouard-Herriot", "chemin des Prés", "rue de l'Industrie", "avenue de la Gare",
	"rue Pasteur", "place Bellecour", "rue des Tanneurs", "quai Saint-Vincent", "rue Garibaldi",
	"allée des Érables", "rue du Moulin", "impasse des Cerisiers", "route de Genève", "rue Mercière",
	"cours Lafayette", "zone artisanale des Gaulnes",
}

var trades = []string{
	"Boulangerie", "Garage", "Transports", "Menuiserie", "Imprimerie", "Cabinet", "Hôtel",
	"Restaurant", "Pharmacie", "Atelier", "Librairie", "Fromagerie", "Plomberie", "Électricité",
	"Bureau d'études", "Agence", "Clinique vétérinaire", "Paysages", "Maçonnerie", "Chocolaterie",
	"Optique", "Serrurerie", "Traiteur", "Carrosserie", "Textiles",
}

var surnames = []string{
	"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
	"Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
	"Vincent", "Fournier", "Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert",
	"Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin",
	"Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier",
	"Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez", "Gérard", "Nguyen",
	"Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier", "Roger", "Roche", "Roy", "Noël",
	"Meyer", "Lucas", "Meunier", "Jean", "Pérez", "Marchand", "Dufour", "Blanchard", "Marie",
	"Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux", "Colin", "Fernandez", "Pierre",
	"Renard", "Arnaud", "Rolland", "Caron", "Aubert", "Giraud", "Leclerc", "Vidal", "Bourgeois",
	"Renaud", "Lemoine", "Picard", "Gaillard", "Philippe", "Leclercq", "Lacroix", "Fabre", "Dupuis",
	"Olivier", "Rodriguez", "Da Silva", "Hubert", "Louis", "Charles", "Guillot", "Rivière", "Le Gall",
	"Guillaume", "Adam", "Rey", "Moulin", "Gonzalez", "Berger", "Lecomte", "Menard", "Fleury",
	"Deschamps", "Carpentier", "Julien", "Benoît", "Paris", "Maillard", "Marchal", "Aubry", "Vasseur",
	"Le Roux", "Renault", "Jacquet", "Collet", "Prévost", "Poirier", "Charpentier", "Royer", "Huet",
	"Baron", "Dupuy", "Pons", "Paul", "Laine", "Carré", "Breton", "Rémy", "Schneider", "Perret",
}

// firstName is a first name and the civility of the person who bears it, for a
// consumer's salutation.
type firstName struct{ name, civility string }

const (
	madame   = ledger.CivilityMadame
	monsieur = ledger.CivilityMonsieur
)

var firstNames = []firstName{
	{"Camille", madame}, {"Léa", madame}, {"Manon", madame}, {"Chloé", madame}, {"Inès", madame},
	{"Sarah", madame}, {"Julie", madame}, {"Claire", madame}, {"Hélène", madame}, {"Isabelle", madame},
	{"Nicolas", monsieur}, {"Julien", monsieur}, {"Thomas", monsieur}, {"Antoine", monsieur}, {"Pierre", monsieur},
	{"Mathieu", monsieur}, {"Sébastien", monsieur}, {"Olivier", monsieur}, {"François", monsieur}, {"Jérôme", monsieur},
	{"Aurélie", madame}, {"Émilie", madame}, {"Céline", madame}, {"Sophie", madame}, {"Nathalie", madame},
	{"Stéphane", monsieur}, {"Laurent", monsieur}, {"Éric", monsieur},
}

var legalForms = []string{"SARL", "SAS", "SAS", "SARL", "EURL", "SA", "SASU", "SNC"}

var roles = []string{
	"Comptabilité fournisseurs", "Gérant", "Directrice administrative et financière",
	"Service achats", "Assistante de direction", "Responsable comptable",
}

type foreignCustomer struct {
	name, lang, country, postcode, city, street string
	law                                         string // the law of its contracts, "" for French law
}

var foreign = []foreignCustomer{
	{"Brasserie du Parc SPRL", "fr", "BE", "1050", "Bruxelles", "Avenue Louise 221", ""},
	{"Hoffmann Maschinenbau GmbH", "en", "DE", "70173", "Stuttgart", "Königstraße 14", ""},
	{"Whitfield & Sons Ltd", "en", "GB", "M1 4BT", "Manchester", "12 Portland Street", "GB"}, // under English law
	{"Atelier Léman Sàrl", "fr", "CH", "1204", "Genève", "Rue du Rhône 48", ""},
	{"Ferretti Arredamenti S.r.l.", "en", "IT", "20121", "Milano", "Via Manzoni 31", ""},
}

type publicBody struct {
	name, street, postcode, city string
	termDays                     int
}

// Public purchasers pay within 30 days, 50 for public health establishments
// (C. commande publique R2192-10 and R2192-11).
var publicBodies = []publicBody{
	{"Commune de Villeurbanne", "Place Lazare-Goujon", "69100", "Villeurbanne", 30},
	{"Centre hospitalier de Vienne", "Montée du Docteur-Maurice-Chapuis", "38200", "Vienne", 50},
	{"Département du Rhône", "29-31 cours de la Liberté", "69003", "Lyon", 30},
}
