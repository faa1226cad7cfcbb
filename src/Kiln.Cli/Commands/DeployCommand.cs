using System.CommandLine;
using System.Globalization;
using Kiln.Tracking;

namespace Kiln.Cli.Commands;

/// <summary>
/// <c>kiln deploy NAME --alias champion [--canary challenger:10%] [--shadow candidate]</c>: how a served model's bare
/// name splits its requests; <c>--show</c> prints the deployment, <c>--remove</c> removes it. Servers follow the change
/// at their next reading of the registry.
/// </summary>
public static class DeployCommand
{
    static readonly Argument<string> Name = new("name") { Description = "A registered model" };

    static readonly Option<string> Alias = new("--alias") { Description = "The alias that answers requests to the bare name, such as champion" };

    static readonly Option<string> Canary = new("--canary") { Description = "ALIAS:WEIGHT% — the alias that answers WEIGHT per cent (1–99) of requests instead, such as challenger:10%" };

    static readonly Option<string> Shadow = new("--shadow") { Description = "The alias that predicts every request too, in the background: logged for monitoring, never returned" };

    static readonly Option<bool> Show = new("--show") { Description = "Print the model's deployment" };

    static readonly Option<bool> Remove = new("--remove") { Description = "Remove the deployment: the bare name serves champion, else the latest version, again" };

    public static Command Create()
    {
        var command = new Command("deploy", "Route a served model's requests: a primary alias, a canary alias with a share of requests, a shadow alias that predicts without answering");
        command.Arguments.Add(Name);
        foreach (var option in new Option[] { Alias, Canary, Shadow, Show, Remove, TrackingOptionsCli.Database, CliOutput.JsonOption })
            command.Options.Add(option);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var model = parseResult.GetValue(Name)!;
            var (alias, canary, shadow) = (parseResult.GetValue(Alias), parseResult.GetValue(Canary), parseResult.GetValue(Shadow));
            var (show, remove) = (parseResult.GetValue(Show), parseResult.GetValue(Remove));
            if (show && remove) throw new ArgumentException("--show and --remove exclude each other: give one");
            if ((show || remove) && (alias ?? canary ?? shadow) is not null)
                throw new ArgumentException($"{(show ? "--show" : "--remove")} takes no --alias, --canary or --shadow");
            var registry = TrackingOptionsCli.Open(parseResult, cancellationToken).Registry;
            if (remove)
            {
                await registry.DeleteDeploymentAsync(model, cancellationToken);
                if (output.IsJson) output.WriteJson(new { Model = model, Deployment = (ModelDeployment?)null });
                else output.Writer.WriteLine($"removed the deployment of {model}: its bare name serves champion, else the latest version");
                return 0;
            }
            ModelDeployment? deployment;
            if (show) deployment = await registry.GetDeploymentAsync(model, cancellationToken);
            else
            {
                if (alias is null) throw new ArgumentException("give --alias ALIAS, the alias that answers requests (or --show, or --remove)");
                var (canaryAlias, weight) = canary is null ? (null, 0) : ParseCanary(canary);
                deployment = await registry.SetDeploymentAsync(model, new ModelDeployment(alias, canaryAlias, weight, shadow), cancellationToken);
            }
            if (output.IsJson) output.WriteJson(new { Model = model, Deployment = deployment });
            else output.Writer.WriteLine(deployment is null
                ? $"{model} has no deployment: its bare name serves champion, else the latest version"
                : Describe(model, deployment) + (show ? "" : "\nrunning servers follow it at their next reading of the registry (--poll-interval)"));
            return 0;
        });
        return command;
    }

    /// <summary>Reads <c>challenger:10%</c> (the per cent sign is optional).</summary>
    public static (string Alias, int Weight) ParseCanary(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0) throw new ArgumentException($"--canary '{text}': write ALIAS:WEIGHT%, such as challenger:10%");
        var weight = text[(colon + 1)..].Trim().TrimEnd('%').Trim();
        if (!int.TryParse(weight, NumberStyles.None, CultureInfo.InvariantCulture, out var percent))
            throw new ArgumentException($"--canary '{text}': the weight '{text[(colon + 1)..]}' is not a whole number of per cent (1–99)");
        return (text[..colon], percent);
    }

    static string Describe(string model, ModelDeployment deployment)
    {
        var lines = new List<string> { $"{model}: requests to the bare name go to @{deployment.PrimaryAlias}" + (deployment.CanaryAlias is null ? "" : $" ({100 - deployment.CanaryWeight} %)") };
        if (deployment.CanaryAlias is { } canary) lines.Add($"  canary @{canary}: {deployment.CanaryWeight} % of requests");
        if (deployment.ShadowAlias is { } shadow) lines.Add($"  shadow @{shadow}: predicts every request in the background, logged, never returned");
        return string.Join('\n', lines);
    }
}
