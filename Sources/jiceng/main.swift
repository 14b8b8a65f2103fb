import JicengCLI

JicengCommand.runMain()
