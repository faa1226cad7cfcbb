using System.Globalization;
using Kiln.Bench;

// Kiln's side of the bench/*.sh comparisons: prints one "name value" line per measurement.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Kiln.Bench frame|preprocess|learners|trees|boosting FILE.csv [runs] [models, comma-separated, learners only]");
    Console.Error.WriteLine("       Kiln.Bench search FILE.csv [trees]");
    Console.Error.WriteLine("       Kiln.Bench nn NAME SPEC.json IDX_FOLDER epochs threads batch_size");
    Console.Error.WriteLine("       Kiln.Bench vision FRAMES-FOLDER runs MODELS-FOLDER [frames per run]");
    return 64;
}
if (args[0] == "nn")
{
    if (args.Length != 7)
    {
        Console.Error.WriteLine("usage: Kiln.Bench nn NAME SPEC.json IDX_FOLDER epochs threads batch_size");
        return 64;
    }
    NeuralBenchmark.Run(args[1], args[2], args[3], Number(args[4]), Number(args[5]), Number(args[6]));
    return 0;
}
var runs = args.Length > 2 ? Number(args[2]) : 5;
switch (args[0])
{
    case "frame": FrameBenchmark.Run(args[1], runs); break;
    case "preprocess": PreprocessBenchmark.Run(args[1], runs); break;
    case "learners": LearnersBenchmark.Run(args[1], runs, args.Length > 3 ? args[3] : null); break;
    case "trees": TreesBenchmark.Run(args[1], runs, args.Length > 3 ? Number(args[3]) : 100); break;
    case "boosting": BoostingBenchmark.Run(args[1], runs); break;
    case "search": SearchBenchmark.Run(args[1], args.Length > 2 ? Number(args[2]) : 50); break;
    case "vision": VisionBenchmark.Run(args[1], runs, args[3], args.Length > 4 ? Number(args[4]) : 20); break;
    default:
        Console.Error.WriteLine($"unknown benchmark '{args[0]}': frame, preprocess, learners, trees, boosting, search, vision or nn");
        return 64;
}
return 0;

static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);
