package cases

// migrations are the SQLite schema, one step each, applied in order; the
// database's user_version is the number applied. Append only: never edit a
// step that has been released.
var migrations = []string{
	// 1: cases, windows, the audit trail, the outbox and the inbound log.
	`
CREATE TABLE counters (
	name  TEXT    NOT NULL,           -- "case" or "letter"
	year  INTEGER NOT NULL,           -- Buddhist Era
	value INTEGER NOT NULL,
	PRIMARY KEY (name, year)
) WITHOUT ROWID;

CREATE TABLE rounds (
	number     INTEGER PRIMARY KEY,
	opens      TEXT    NOT NULL,      -- YYYY-MM-DD
	closes     TEXT    NOT NULL,
	capacity   INTEGER NOT NULL DEFAULT 0,
	categories TEXT    NOT NULL       -- JSON array
);

CREATE TABLE cases (
	ref            TEXT PRIMARY KEY,  -- DSS-2563-0001
	stage          TEXT    NOT NULL,
	paused         INTEGER NOT NULL DEFAULT 0,
	outcome        TEXT    NOT NULL DEFAULT '',
	round          INTEGER NOT NULL DEFAULT 0,
	org_name       TEXT    NOT NULL,
	org_name_en    TEXT    NOT NULL DEFAULT '',
	org_type       TEXT    NOT NULL DEFAULT '',
	juristic_id    TEXT    NOT NULL DEFAULT '',
	contact_name   TEXT    NOT NULL DEFAULT '',
	contact_email  TEXT    NOT NULL,
	contact_phone  TEXT    NOT NULL DEFAULT '',
	solution       TEXT    NOT NULL DEFAULT '',
	category       TEXT    NOT NULL,
	lang           TEXT    NOT NULL DEFAULT 'th',
	plan_start     TEXT    NOT NULL DEFAULT '',
	plan_end       TEXT    NOT NULL DEFAULT '',
	report_every   TEXT    NOT NULL DEFAULT '',
	requests       TEXT    NOT NULL DEFAULT '{}',  -- JSON Requests
	waivers        TEXT    NOT NULL DEFAULT '[]',  -- JSON array
	reports_received INTEGER NOT NULL DEFAULT 0,
	reports_missed INTEGER NOT NULL DEFAULT 0,
	fixes_overdue  INTEGER NOT NULL DEFAULT 0,
	exited_on      TEXT    NOT NULL DEFAULT '',
	last_report    INTEGER NOT NULL DEFAULT 0,
	opened_at      INTEGER NOT NULL,  -- Unix nanoseconds
	stage_since    INTEGER NOT NULL,
	last_submission_at INTEGER NOT NULL DEFAULT 0,
	updated_at     INTEGER NOT NULL
);
CREATE INDEX cases_stage ON cases (stage);

CREATE TABLE windows (
	id            INTEGER PRIMARY KEY,
	case_ref      TEXT    NOT NULL REFERENCES cases (ref),
	kind          TEXT    NOT NULL,
	party         TEXT    NOT NULL,
	seq           INTEGER NOT NULL DEFAULT 0,
	start_on      TEXT    NOT NULL DEFAULT '',  -- YYYY-MM-DD; '' while pending
	due_on        TEXT    NOT NULL DEFAULT '',
	days          INTEGER NOT NULL DEFAULT 0,
	pending       INTEGER NOT NULL DEFAULT 0,
	remind        INTEGER NOT NULL DEFAULT 0,
	anchor_outbox INTEGER,
	next_at       INTEGER,            -- Unix ns of the next check; NULL: none
	opened_at     INTEGER NOT NULL,
	closed_at     INTEGER,
	closed_how    TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX windows_next ON windows (next_at) WHERE next_at IS NOT NULL;
CREATE INDEX windows_open ON windows (case_ref) WHERE closed_at IS NULL;
CREATE INDEX windows_anchor ON windows (anchor_outbox) WHERE anchor_outbox IS NOT NULL;

CREATE TABLE submissions (
	id          INTEGER PRIMARY KEY,
	case_ref    TEXT    NOT NULL REFERENCES cases (ref),
	kind        TEXT    NOT NULL,     -- the event kind: interest, test_plan, …
	received_at INTEGER NOT NULL,
	message_id  TEXT    NOT NULL DEFAULT '',
	record      TEXT    NOT NULL      -- the parsed form, JSON
);
CREATE INDEX submissions_case ON submissions (case_ref, kind);

CREATE TABLE audit (
	seq       INTEGER PRIMARY KEY,
	at        TEXT    NOT NULL,       -- RFC 3339, UTC, nanoseconds
	case_ref  TEXT    NOT NULL DEFAULT '',
	actor     TEXT    NOT NULL,
	by_whom   TEXT    NOT NULL DEFAULT '',
	kind      TEXT    NOT NULL,
	detail    TEXT    NOT NULL,       -- JSON
	prev_hash TEXT    NOT NULL,
	hash      TEXT    NOT NULL
);
CREATE INDEX audit_case ON audit (case_ref, seq);

CREATE TABLE audit_seal (
	id   INTEGER PRIMARY KEY CHECK (id = 1),
	seq  INTEGER NOT NULL,
	hash TEXT    NOT NULL,
	mac  TEXT    NOT NULL
);

CREATE TABLE outbox (
	id           INTEGER PRIMARY KEY,
	message_id   TEXT    NOT NULL UNIQUE,
	case_ref     TEXT    NOT NULL DEFAULT '',
	notice       TEXT    NOT NULL DEFAULT '',
	letter_no    TEXT    NOT NULL DEFAULT '',
	env_from     TEXT    NOT NULL,
	rcpt_to      TEXT    NOT NULL,    -- JSON array
	raw          BLOB    NOT NULL,
	state        TEXT    NOT NULL,    -- queued, sending, sent, failed
	attempts     INTEGER NOT NULL DEFAULT 0,
	next_attempt INTEGER NOT NULL,    -- Unix ns; for sending: the lease's end
	last_reply   TEXT    NOT NULL DEFAULT '',
	created_at   INTEGER NOT NULL,
	sent_at      INTEGER
);
CREATE INDEX outbox_ready ON outbox (next_attempt) WHERE state IN ('queued', 'sending');

CREATE TABLE inbound (
	id          INTEGER PRIMARY KEY,
	uidvalidity INTEGER NOT NULL,
	uid         INTEGER NOT NULL,
	sha256      TEXT    NOT NULL UNIQUE,
	message_id  TEXT    NOT NULL DEFAULT '',
	sender      TEXT    NOT NULL DEFAULT '',
	received_at INTEGER NOT NULL,
	case_ref    TEXT    NOT NULL DEFAULT '',
	disposition TEXT    NOT NULL DEFAULT 'processed'
);
CREATE UNIQUE INDEX inbound_uid ON inbound (uidvalidity, uid) WHERE uid > 0;
`,
	// 2: single-use reply tokens, and four-eyes proposals.
	`
CREATE TABLE used_tokens (
	token   TEXT PRIMARY KEY,         -- the token's identifier, not the secret
	used_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE proposals (
	case_ref    TEXT    NOT NULL REFERENCES cases (ref),
	kind        TEXT    NOT NULL,     -- the event kind proposed
	args        TEXT    NOT NULL,     -- JSON: round, date, text, outcome
	by_whom     TEXT    NOT NULL,
	proposed_at INTEGER NOT NULL,
	PRIMARY KEY (case_ref, kind)
) WITHOUT ROWID;
`,
	// 3: the intake mailbox in the inbound log, its checkpoints, replies per
	// sender, and the scheduler's last runs.
	`
ALTER TABLE inbound ADD COLUMN mailbox TEXT NOT NULL DEFAULT '';
ALTER TABLE inbound ADD COLUMN replied INTEGER NOT NULL DEFAULT 0;
DROP INDEX inbound_uid;
CREATE UNIQUE INDEX inbound_uid ON inbound (mailbox, uidvalidity, uid) WHERE uid > 0;
CREATE INDEX inbound_message_id ON inbound (message_id) WHERE message_id != '';
CREATE INDEX inbound_sender ON inbound (sender, received_at);

CREATE TABLE checkpoints (
	mailbox     TEXT    PRIMARY KEY,
	uidvalidity INTEGER NOT NULL,
	last_uid    INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE job_runs (
	job      TEXT    PRIMARY KEY,
	last_run INTEGER NOT NULL         -- Unix ns of the scheduled time that ran
) WITHOUT ROWID;
`,
}
