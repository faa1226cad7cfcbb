using System.Globalization;
using Kiln.Bench;

// Kiln's side of the bench/*.sh comparisons: prints one "name value" line per measurement.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Kiln.Bench frame|preprocess|learners|trees|boosting FILE.csv [runs] [models, comma-separated, learners only]; Kiln.Bench vision FRAMES-FOLDER runs MODELS-FOLDER [frames per run]");
    return 64;
}
var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
switch (args[0])
{
    case "frame": FrameBenchmark.Run(args[1], runs); break;
    case "preprocess": PreprocessBenchmark.Run(args[1], runs); break;
    case "learners": LearnersBenchmark.Run(args[1], runs, args.Length > 3 ? args[3] : null); break;
    case "trees": TreesBenchmark.Run(args[1], runs, args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 100); break;
    case "boosting": BoostingBenchmark.Run(args[1], runs); break;
    case "vision": VisionBenchmark.Run(args[1], runs, args[3], args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 20); break;
    default:
        Console.Error.WriteLine($"unknown benchmark '{args[0]}': frame, preprocess, learners, trees, boosting or vision");
        return 64;
}
return 0;
