package main

func rootCommand() *command {
	return &command{
		name: "sandboxbot",
		summary: "Runs the paperwork of ETDA's Digital Service Sandbox by e-mail: intake of\n" +
			"forms, officers' decisions by reply, letters, deadlines and reports.",
		subs: []*command{
			runCommand(),
			sweepCommand(),
			calendarCommand(),
			casesCommand(),
			auditCommand(),
			formsCommand(),
			letterCommand(),
			reportCommand(),
			announceCommand(),
			configCommand(),
		},
	}
}
