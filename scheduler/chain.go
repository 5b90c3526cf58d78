package scheduler

import "github.com/robfig/cron/v3"

// chain is the pair of cron wrappers every run of a job goes through, from
// the loop, from Start and from RunNow alike.
//
// The order matters. SkipIfStillRunning takes a token before it calls the
// job and puts it back after the job returns, with no defer: a panic that
// unwound through it would keep the token, and every later run of the job
// would be skipped as "still running". Recover is therefore inside it: a
// panic stops at Recover, which logs it and returns normally, so Skip puts
// the token back and the job runs again at its next time.
func chain(l cron.Logger) cron.Chain {
	return cron.NewChain(cron.SkipIfStillRunning(l), cron.Recover(l))
}
