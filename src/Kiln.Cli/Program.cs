return Kiln.Cli.KilnApp.Run(args, Console.Out, Console.Error);
