return await InterviewBot.Cli.CliApp.RunAsync(args, Console.Out, Console.Error);
