package vocab

import pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"

// Relation statuses, short, for the records below.
const (
	proposed  = pb.RelationStatus_RELATION_STATUS_PROPOSED
	planned   = pb.RelationStatus_RELATION_STATUS_PLANNED
	attempted = pb.RelationStatus_RELATION_STATUS_ATTEMPTED
	announced = pb.RelationStatus_RELATION_STATUS_ANNOUNCED
	completed = pb.RelationStatus_RELATION_STATUS_COMPLETED
	failed    = pb.RelationStatus_RELATION_STATUS_FAILED
)

var (
	always = Chance{In: 1, Of: 1}
	// sometimesDated is how often a relation with no time of its own in
	// the text is dated by the generator.
	sometimesDated = Chance{In: 1, Of: 7}
)

// records is the vocabulary: one record per predicate, every non-zero
// Predicate value exactly once (TestRecordsComplete). They are listed in
// the order the synthetic generator draws predicates in; [All] and [Info]
// return them in enum order.
var records = []Predicate{
	{
		ID: pb.Predicate_PREDICATE_SUPPLIES, Reading: "supplies", Inverse: "is supplied by",
		Description: "The subject supplies the object with goods.",
		Lexicon: Lexicon{
			Verbs:      []string{"supply", "sell to", "provide"},
			Nouns:      []string{"supplier of", "supplier to"},
			EventNouns: []string{"supply deal"},
			NounPhrase: "the supply deal between {subject} and {object}",
		},
		Synthetic: Synthetic{
			Weight: 14, IDVerb: "supplies",
			Subject: []PoolShare{{PoolCompany, 1.0}}, Object: []PoolShare{{PoolCompany, 1.0}},
			Sentences: []SentenceTemplate{
				{Text: "{subject} supplies {object} with {product}."},
				{Text: "{object} buys {product} from {subject}."},
			},
			RandomSentence: true,
			Qualifiers:     QualifierRecipe{TimeChance: sometimesDated, TimeForm: TimeYear},
		},
	},
	{
		ID: pb.Predicate_PREDICATE_PARTNERS_WITH, Reading: "partners with", Symmetric: true,
		Description: "The two are partners in a venture or market.",
		Lexicon: Lexicon{
			Verbs:      []string{"partner with", "join forces with", "form a partnership with", "partner"},
			Nouns:      []string{"partner of"},
			EventNouns: []string{"partnership", "joint venture", "venture"},
			NounPhrase: "the partnership between {subject} and {object}",
		},
		Synthetic: Synthetic{
			Weight: 10, IDVerb: "partners-with",
			Subject: []PoolShare{{PoolCompany, 1.0}}, Object: []PoolShare{{PoolCompany, 0.9}, {PoolOrganization, 0.1}},
			Sentences: []SentenceTemplate{
				{Text: "{subject} and {object} formed a partnership."},
				{Text: "{subject} has partnered with {object}."},
			},
			Qualifiers: QualifierRecipe{TimeChance: sometimesDated, TimeForm: TimeYear},
		},
	},
	{
		ID: pb.Predicate_PREDICATE_PRODUCES, Reading: "produces", Inverse: "is produced by",
		Description: "An organization makes a product or works in a market; the rank qualifier gives its standing.",
		Lexicon: Lexicon{
			Verbs: []string{"produce", "make", "manufacture", "build"},
			Nouns: []string{"producer of", "maker of", "manufacturer of"},
		},
		Synthetic: Synthetic{
			Weight: 10, IDVerb: "produces",
			Subject: []PoolShare{{PoolCompany, 1.0}}, Object: []PoolShare{{PoolTopic, 1.0}},
			Sentences: []SentenceTemplate{
				{Text: "{subject} ranks {rank} in {object}.", Ranked: true},
				{Text: "{subject} makes {object}."},
				{Text: "{subject} is a major producer of {object}."},
			},
			Qualifiers: QualifierRecipe{RankChance: Chance{In: 1, Of: 7}},
		},
	},
	{
		ID: pb.Predicate_PREDICATE_LEADS, Reading: "leads", Inverse: "is led by",
		Description: "A person leads an organization; the role qualifier gives the title.",
		TitleRole:   true,
		Lexicon: Lexicon{
			Verbs:      []string{"lead", "head", "chair", "run", "helm"},
			Nouns:      []string{"chairman of", "chairwoman of", "chair of", "head of", "leader of", "president of", "chief of", "boss of"},
			EventNouns: []string{"leadership"},
		},
		Synthetic: Synthetic{
			Weight: 8, IDVerb: "leads",
			Subject: []PoolShare{{PoolPerson, 1.0}}, Object: []PoolShare{{PoolCompany, 0.8}, {PoolOrganization, 0.2}},
			Sentences: []SentenceTemplate{
				{Text: "{subject} is the {role} of {object}."},
				{Text: "{object} is led by {role} {subject}."},
			},
			Qualifiers: QualifierRecipe{
				Roles:      []string{"Chairman", "Chief Executive Officer", "President", "Vice Chairman", "Founder", "Chief Operating Officer", "Managing Director", "Chief Financial Officer"},
				RoleChance: always,
				TimeChance: Chance{In: 1, Of: 3}, TimeForm: TimeSinceYear,
			},
		},
	},
	{
		ID: pb.Predicate_PREDICATE_SERVES_IN, Reading: "serves in", Inverse: "has as official",
		Description: "A person holds an office in an organization or government; the role qualifier gives the title.",
		TitleRole:   true,
		Lexicon: Lexicon{
			Verbs: []string{"serve in", "serve", "work for", "work in"},
			Nouns: []string{"secretary of", "official of", "official in", "minister of", "commerce secretary of"},
		},
		Synthetic: Synthetic{
			Weight: 3, IDVerb: "serves-in",
			Subject: []PoolShare{{PoolPerson, 1.0}}, Object: []PoolShare{{PoolCountry, 0.5}, {PoolOrganization, 0.5}},
			Sentences: []SentenceTemplate{{Text: "{subject} serves as {role} in {object}."}},
			Qualifiers: QualifierRecipe{
				Roles:      []string{"Minister of Trade", "Ambassador", "Senator", "Deputy Minister", "Trade Representative", "Member of Parliament", "Governor", "Secretary of Commerce"},
				RoleChance: always,
			},
		},
	},
	{
		ID: pb.Predicate_PREDICATE_MEMBER_OF, Reading: "is a member of", Inverse: "has as member",
		Description: "A person or organization belongs to an organization or bloc.",
		TitleRole:   true,
		Lexicon: Lexicon{
			Verbs:      []string{"belong to"},
			Nouns:      []string{"member of", "part of", "candidate of", "candidate for", "presidential candidate of", "presidential candidate for"},
			EventNouns: []string{"membership"},
		},
		Synthetic: Synthetic{
			Weight: 6, IDVerb: "member-of",
			Subject: []PoolShare{{PoolPerson, 0.5}, {PoolCompany, 0.4}, {PoolCountry, 0.1}}, Object: []PoolShare{{PoolOrganization, 0.8}, {PoolBloc, 0.2}},
			Sentences: []SentenceTemplate{
				{Text: "{subject} is a member of {object}."},
				{Text: "{subject} belongs to {object}."},
			},
			Qualifiers: QualifierRecipe{
				Roles:      []string{"Board Member", "Director", "Adviser", "Member"},
				RoleChance: Chance{In: 2, Of: 5}, RolePeopleOnly: true,
			},
		},
	},
	{
		ID: pb.Predicate_PREDICATE_BASED_IN, Reading: "is based in", Inverse: "is home to",
		Description: "An organization is from, or based in, a country.",
		Lexicon: Lexicon{
			Fixed:        []string{"based in", "headquartered in", "located in", "based", "headquartered"},
			PassiveNouns: []string{"home to", "home of"},
		},
		Synthetic: Synthetic{
			Weight: 8, IDVerb: "based-in",
			Subject: []PoolShare{{PoolCompany, 0.9}, {PoolOrganization, 0.1}}, Object: []PoolShare{{PoolPlace, 0.7}, {PoolCountry, 0.3}},
			Sentences: []SentenceTemplate{
				{Text: "{subject} is headquartered in {object}."},
				{Text: "{subject}, based in {object}, reported results."},
			},
			Qualifiers: QualifierRecipe{TimeChance: sometimesDated, TimeForm: TimeYear},
		},
	},
	{
		ID: pb.Predicate_PREDICATE_ACQUIRES, Reading: "acquires", Inverse: "is acquired by",
		Description: "An organization acquires, or bids to acquire, another; the status qualifier gives the outcome.",
		Lexicon: Lexicon{
			Verbs:      []string{"acquire", "buy", "purchase", "take over", "bid for", "bid on", "make a bid for", "launch a bid for"},
			Nouns:      []string{"acquirer of", "buyer of", "bidder for"},
			EventNouns: []string{"acquisition", "bid", "takeover", "purchase", "buyout", "merger", "deal"},
			NounPhrase: "{subject}'s bid for {object}",
		},
		Synthetic: Synthetic{
			Weight: 5, IDVerb: "acquires",
			Subject: []PoolShare{{PoolCompany, 1.0}}, Object: []PoolShare{{PoolCompany, 1.0}},
			Sentences: []SentenceTemplate{
				{Text: "{subject} completed its acquisition of {object} in {year}.", Status: completed},
				{Text: "{subject}'s bid for {object} fell through in {year}.", Status: failed},
				{Text: "{subject} sought to acquire {object}.", Status: attempted},
				{Text: "{subject} announced a plan to buy {object}.", Status: announced},
				{Text: "{subject} plans to acquire {object}."},
			},
			Qualifiers: QualifierRecipe{
				Statuses:     []pb.RelationStatus{completed, completed, completed, failed, attempted, announced, planned},
				StatusChance: always,
				TimeChance:   Chance{In: 4, Of: 5}, TimeForm: TimeYear,
			},
		},
	},
	{
		ID: pb.Predicate_PREDICATE_OPPOSES, Reading: "opposes", Inverse: "is opposed by",
		Description: "The subject opposes the object or sees it as a threat.",
		Lexicon: Lexicon{
			Verbs:      []string{"oppose", "block", "resist", "fight", "object to", "see * as a threat", "view * as a threat", "regard * as a threat", "be against"},
			Fixed:      []string{"against", "opposed to"},
			Nouns:      []string{"opponent of"},
			EventNouns: []string{"opposition"},
		},
		Synthetic: Synthetic{
			Weight: 3, IDVerb: "opposes",
			Subject: []PoolShare{{PoolCompany, 0.5}, {PoolPerson, 0.3}, {PoolCountry, 0.2}}, Object: []PoolShare{{PoolCompany, 0.6}, {PoolRelation, 0.4}},
			Sentences: []SentenceTemplate{
				{Text: "{subject} opposes {object}."},
				{Text: "{subject} has come out against {object}."},
			},
			Qualifiers: QualifierRecipe{TimeChance: sometimesDated, TimeForm: TimeYear},
		},
	},
	{
		ID: pb.Predicate_PREDICATE_COORDINATES_AGAINST, Reading: "coordinates against", Inverse: "is coordinated against by",
		Implies:     []pb.Predicate{pb.Predicate_PREDICATE_OPPOSES},
		Description: "The subject acts in concert with others against the object, usually a deal.",
		Lexicon: Lexicon{
			Verbs:      []string{"coordinate against", "work against", "collude against", "team up against", "conspire against", "join forces against", "act against", "cooperate against", "band together against"},
			EventNouns: []string{"coordination"},
		},
		Synthetic: Synthetic{
			Weight: 1, IDVerb: "coordinates-against",
			Subject: []PoolShare{{PoolCompany, 0.8}, {PoolCountry, 0.2}}, Object: []PoolShare{{PoolRelation, 1.0}},
			Sentences:  []SentenceTemplate{{Text: "{subject} worked quietly against {object}."}},
			Qualifiers: QualifierRecipe{TimeChance: sometimesDated, TimeForm: TimeYear},
		},
	},
	{
		ID: pb.Predicate_PREDICATE_COORDINATES_WITH, Reading: "coordinates with", Symmetric: true,
		Description: "The two act in concert.",
		Lexicon: Lexicon{
			Verbs:      []string{"coordinate with", "collude with", "cooperate with", "team up with", "collaborate with", "work with"},
			EventNouns: []string{"coordination"},
		},
		Synthetic: Synthetic{
			Weight: 3, IDVerb: "coordinates-with",
			Subject: []PoolShare{{PoolCompany, 0.8}, {PoolCountry, 0.2}}, Object: []PoolShare{{PoolCompany, 0.7}, {PoolCountry, 0.3}},
			Sentences:  []SentenceTemplate{{Text: "{subject} coordinated closely with {object}."}},
			Qualifiers: QualifierRecipe{TimeChance: sometimesDated, TimeForm: TimeYear},
		},
	},
	{
		ID: pb.Predicate_PREDICATE_PROPOSES, Reading: "proposes", Inverse: "is proposed by",
		Description: "The subject proposes the object, usually a relation with status proposed.",
		Lexicon: Lexicon{
			Verbs:      []string{"propose", "suggest", "call for", "put forward", "advocate", "float"},
			Nouns:      []string{"proponent of"},
			EventNouns: []string{"proposal"},
		},
		Synthetic: Synthetic{
			Weight: 2, IDVerb: "proposes",
			Subject: []PoolShare{{PoolPerson, 0.6}, {PoolCompany, 0.4}}, Object: []PoolShare{{PoolRelation, 0.5}, {PoolTopic, 0.5}},
			Sentences:  []SentenceTemplate{{Text: "{subject} proposed {object}."}},
			Qualifiers: QualifierRecipe{Statuses: []pb.RelationStatus{proposed}, StatusChance: Chance{In: 1, Of: 2}},
		},
	},
	{
		ID: pb.Predicate_PREDICATE_ANNOUNCES, Reading: "announces", Inverse: "is announced by",
		Description: "The subject announces the object, usually a relation.",
		Lexicon: Lexicon{
			Verbs:      []string{"announce", "unveil", "declare"},
			EventNouns: []string{"announcement"},
		},
		Synthetic: Synthetic{
			Weight: 2, IDVerb: "announces",
			Subject: []PoolShare{{PoolPerson, 0.4}, {PoolCompany, 0.6}}, Object: []PoolShare{{PoolRelation, 0.5}, {PoolTopic, 0.5}},
			Sentences:  []SentenceTemplate{{Text: "{subject} announced {object}."}},
			Qualifiers: QualifierRecipe{TimeChance: Chance{In: 1, Of: 2}, TimeForm: TimeMonthYear},
		},
	},
	{
		ID: pb.Predicate_PREDICATE_ALLIES_WITH, Reading: "allies with", Symmetric: true,
		Description: "The two form, or would form, an alliance.",
		Lexicon: Lexicon{
			Verbs:      []string{"ally with", "form an alliance with", "ally"},
			Fixed:      []string{"allied with"},
			Nouns:      []string{"ally of"},
			EventNouns: []string{"alliance", "economic alliance"},
			NounPhrase: "an alliance between {subject} and {object}",
		},
		Synthetic: Synthetic{
			Weight: 1, IDVerb: "allies-with",
			Subject: []PoolShare{{PoolCountry, 0.5}, {PoolCompany, 0.5}}, Object: []PoolShare{{PoolCountry, 0.5}, {PoolCompany, 0.5}},
			Sentences:  []SentenceTemplate{{Text: "{subject} and {object} agreed to form an alliance."}},
			Qualifiers: QualifierRecipe{TimeChance: sometimesDated, TimeForm: TimeYear},
		},
	},
	{
		ID: pb.Predicate_PREDICATE_TRADE_DEAL_WITH, Reading: "has a trade deal with", Symmetric: true,
		Description: "The two have a trade deal.",
		Lexicon: Lexicon{
			Verbs:      []string{"have a trade deal with", "strike a trade deal with", "sign a trade deal with", "agree a trade deal with", "reach a trade deal with", "make a trade deal with", "have a deal with", "strike a deal with"},
			EventNouns: []string{"deal", "trade deal", "trade agreement"},
			NounPhrase: "a trade deal between {subject} and {object}",
		},
		Synthetic: Synthetic{
			Weight: 1, IDVerb: "trade-deal-with",
			Subject: []PoolShare{{PoolCountry, 0.8}, {PoolBloc, 0.2}}, Object: []PoolShare{{PoolCountry, 0.8}, {PoolBloc, 0.2}},
			Sentences:  []SentenceTemplate{{Text: "{subject} signed a trade deal with {object}."}},
			Qualifiers: QualifierRecipe{TimeChance: sometimesDated, TimeForm: TimeYear},
		},
	},
	{
		ID: pb.Predicate_PREDICATE_NEGOTIATES_WITH, Reading: "negotiates with", Symmetric: true,
		Description: "The two negotiate with each other.",
		Lexicon: Lexicon{
			Verbs:      []string{"negotiate with", "hold talks with", "negotiate"},
			EventNouns: []string{"negotiation", "talks"},
		},
		Synthetic: Synthetic{
			Weight: 2, IDVerb: "negotiates-with",
			Subject: []PoolShare{{PoolCountry, 0.5}, {PoolCompany, 0.5}}, Object: []PoolShare{{PoolCountry, 0.5}, {PoolCompany, 0.5}},
			Sentences:  []SentenceTemplate{{Text: "{subject} is in talks with {object}."}},
			Qualifiers: QualifierRecipe{TimeChance: sometimesDated, TimeForm: TimeYear, TopicChance: Chance{In: 1, Of: 10}},
		},
	},
	{
		ID: pb.Predicate_PREDICATE_RUNS_TRADE_DEFICIT_WITH, Reading: "runs a trade deficit with", Inverse: "runs a trade surplus with",
		Description: "The subject runs a trade deficit with the object.",
		Lexicon: Lexicon{
			Verbs:      []string{"run a trade deficit with", "have a trade deficit with", "run a deficit with", "have a deficit with"},
			EventNouns: []string{"trade deficit"},
		},
		Synthetic: Synthetic{
			Weight: 0.5, IDVerb: "trade-deficit-with",
			Subject: []PoolShare{{PoolCountry, 1.0}}, Object: []PoolShare{{PoolCountry, 1.0}},
			Sentences:  []SentenceTemplate{{Text: "{subject} runs a trade deficit with {object}."}},
			Qualifiers: QualifierRecipe{TimeChance: sometimesDated, TimeForm: TimeYear},
		},
	},
	{
		ID: pb.Predicate_PREDICATE_HAS_TENSIONS_WITH, Reading: "has tensions with", Symmetric: true,
		Description: "The two have strained relations.",
		Lexicon: Lexicon{
			Verbs:      []string{"have tensions with", "have tension with", "have strained relations with", "clash with", "feud with"},
			Fixed:      []string{"at odds with"},
			EventNouns: []string{"tension"},
		},
		Synthetic: Synthetic{
			Weight: 1, IDVerb: "tensions-with",
			Subject: []PoolShare{{PoolCountry, 0.5}, {PoolCompany, 0.5}}, Object: []PoolShare{{PoolCountry, 0.5}, {PoolCompany, 0.5}},
			Sentences:  []SentenceTemplate{{Text: "Relations between {subject} and {object} remain strained."}},
			Qualifiers: QualifierRecipe{TimeChance: sometimesDated, TimeForm: TimeYear},
		},
	},
	{
		ID: pb.Predicate_PREDICATE_COMPLEMENTS, Reading: "complements", Symmetric: true,
		Description: "The two economies complement each other.",
		Lexicon: Lexicon{
			Verbs: []string{"complement"},
			Fixed: []string{"complementary to", "complementary with"},
		},
		Synthetic: Synthetic{
			Weight: 1, IDVerb: "complements",
			Subject: []PoolShare{{PoolCountry, 0.4}, {PoolCompany, 0.6}}, Object: []PoolShare{{PoolCountry, 0.4}, {PoolCompany, 0.6}},
			Sentences:  []SentenceTemplate{{Text: "{subject} and {object} complement each other."}},
			Qualifiers: QualifierRecipe{TimeChance: sometimesDated, TimeForm: TimeYear},
		},
	},
	{
		ID: pb.Predicate_PREDICATE_REGARDS_AS_STRATEGIC, Reading: "regards as strategic", Inverse: "is regarded as strategic by",
		Template: "{subject} regards {object} as strategic", InverseTemplate: "{object} is regarded as strategic by {subject}",
		Description: "The subject regards the object as a strategic or critical asset.",
		Lexicon: Lexicon{
			Verbs: []string{"regard * as strategic", "view * as strategic", "see * as strategic", "consider * strategic",
				"regard * as a critical national asset", "view * as a critical national asset", "see * as a critical national asset",
				"regard * as a critical asset", "view * as a critical asset", "regard * as a national asset", "view * as a national asset",
				"regard * as a strategic asset", "view * as a strategic asset", "value"},
		},
		Synthetic: Synthetic{
			Weight: 2, IDVerb: "regards-as-strategic",
			Subject: []PoolShare{{PoolCountry, 0.5}, {PoolCompany, 0.5}}, Object: []PoolShare{{PoolCompany, 0.6}, {PoolTopic, 0.4}},
			Sentences:  []SentenceTemplate{{Text: "{subject} regards {object} as a strategic asset."}},
			Qualifiers: QualifierRecipe{TimeChance: sometimesDated, TimeForm: TimeYear},
		},
	},
	{
		ID: pb.Predicate_PREDICATE_PROMOTES, Reading: "promotes", Inverse: "is promoted by",
		Description: "The subject pushes for or promotes the object.",
		Lexicon: Lexicon{
			Verbs: []string{"promote", "push for", "champion", "back", "support", "push"},
		},
		Synthetic: Synthetic{
			Weight: 4, IDVerb: "promotes",
			Subject: []PoolShare{{PoolPerson, 0.4}, {PoolCountry, 0.2}, {PoolCompany, 0.4}}, Object: []PoolShare{{PoolTopic, 1.0}},
			Sentences:  []SentenceTemplate{{Text: "{subject} has been promoting {object}."}},
			Qualifiers: QualifierRecipe{TimeChance: sometimesDated, TimeForm: TimeYear},
		},
	},
	{
		ID: pb.Predicate_PREDICATE_DOMINATES, Reading: "dominates", Inverse: "is dominated by",
		Description: "The subject dominates a market or industry.",
		Lexicon: Lexicon{
			Verbs: []string{"dominate", "control"},
		},
		Synthetic: Synthetic{
			Weight: 3, IDVerb: "dominates",
			Subject: []PoolShare{{PoolCompany, 1.0}}, Object: []PoolShare{{PoolTopic, 1.0}},
			Sentences:  []SentenceTemplate{{Text: "{subject} dominates the market for {object}."}},
			Qualifiers: QualifierRecipe{TimeChance: sometimesDated, TimeForm: TimeYear},
		},
	},
	{
		ID: pb.Predicate_PREDICATE_PRIORITIZES, Reading: "prioritizes", Inverse: "is a priority of",
		Description: "The subject names the object as its next priority or focus.",
		Lexicon: Lexicon{
			Verbs: []string{"prioritize", "prioritise", "focus on", "target"},
		},
		Synthetic: Synthetic{
			Weight: 3, IDVerb: "prioritizes",
			Subject: []PoolShare{{PoolPerson, 0.3}, {PoolCountry, 0.3}, {PoolCompany, 0.4}}, Object: []PoolShare{{PoolPlace, 0.3}, {PoolCountry, 0.3}, {PoolTopic, 0.4}},
			Sentences:  []SentenceTemplate{{Text: "{subject} has made {object} a priority."}},
			Qualifiers: QualifierRecipe{TimeChance: sometimesDated, TimeForm: TimeYear},
		},
	},
}
