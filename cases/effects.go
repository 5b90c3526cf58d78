package cases

// Effects change the case beyond its stage, pause, outcome and windows,
// which Decide handles for every row.

func setApplicant(c *Case, e *Event, x *env) {
	c.Applicant = *e.Applicant
	if c.Applicant.Lang != "en" {
		c.Applicant.Lang = "th"
	}
	c.Opened = e.At
	noteSubmission(c, e, x)
}

// noteSubmission records when the applicant's latest submission arrived:
// the agency's 30 days to decide count from the complete set (step 4).
func noteSubmission(c *Case, e *Event, x *env) { c.LastSubmission = e.At }

func setPlan(c *Case, e *Event, x *env) {
	c.Plan = *e.Plan
	noteSubmission(c, e, x)
}

func setRound(c *Case, e *Event, x *env) { c.Round = e.Round }

func requestRoundChange(c *Case, e *Event, x *env) {
	c.Requests.RoundChange = e.Round
	noteSubmission(c, e, x)
}

func grantRoundChange(c *Case, e *Event, x *env) {
	c.Round = c.Requests.RoundChange
	if e.Round != 0 {
		c.Round = e.Round
	}
	c.Requests.RoundChange = 0
}

func clearRoundChange(c *Case, e *Event, x *env) { c.Requests.RoundChange = 0 }

// signedPlan is the test period the agreement fixes: the dates the officer
// gives with the command, else those of the test plan.
func signedPlan(c *Case, e *Event) Plan {
	p := c.Plan
	if e.Plan != nil {
		if !e.Plan.Start.IsZero() {
			p.Start = e.Plan.Start
		}
		if !e.Plan.End.IsZero() {
			p.End = e.Plan.End
		}
		if e.Plan.Every != "" {
			p.Every = e.Plan.Every
		}
	}
	if p.Every == "" {
		p.Every = "monthly"
	}
	return p
}

func setSignedPlan(c *Case, e *Event, x *env) {
	c.Plan = signedPlan(c, e)
	c.LastReport = 0
}

func reportReceived(c *Case, e *Event, x *env) {
	c.ReportsReceived++
	noteSubmission(c, e, x)
}

func reportMissed(c *Case, e *Event, x *env) { c.ReportsMissed++ }

func requestExtension(c *Case, e *Event, x *env) {
	c.Requests.Extension = e.Date
	noteSubmission(c, e, x)
}

func grantExtension(c *Case, e *Event, x *env) {
	c.Plan.End = c.Requests.Extension
	if !e.Date.IsZero() {
		c.Plan.End = e.Date
	}
	c.Requests.Extension = Date{}
}

func clearExtension(c *Case, e *Event, x *env) { c.Requests.Extension = Date{} }

func requestWaiver(c *Case, e *Event, x *env) {
	c.Requests.Waiver = e.Text
	noteSubmission(c, e, x)
}

func grantWaiver(c *Case, e *Event, x *env) {
	c.Waivers = append(c.Waivers, c.Requests.Waiver)
	c.Requests.Waiver = ""
}

func clearWaiver(c *Case, e *Event, x *env) { c.Requests.Waiver = "" }

func markFixesOverdue(c *Case, e *Event, x *env)  { c.FixesOverdue = true }
func clearFixesOverdue(c *Case, e *Event, x *env) { c.FixesOverdue = false }

// exited records the day the participant left testing: post-exit reports
// count from it.
func exited(c *Case, e *Event, x *env) {
	c.ExitedOn = x.today
	c.LastReport = 0
	c.Requests = Requests{}
}

func lodgeAppeal(c *Case, e *Event, x *env) {
	c.Requests.Appeal = true
	noteSubmission(c, e, x)
}

func decideAppeal(c *Case, e *Event, x *env) { c.Requests.Appeal = false }

func allowAppeal(c *Case, e *Event, x *env) {
	c.Requests.Appeal = false
	c.Outcome = e.Outcome
}
