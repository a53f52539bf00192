namespace InterviewBot.Chat.Tests.Playground;

/// <summary>A test that drives headless Chromium through tests/browser (<see cref="BrowserTools"/>): skipped when
/// node, /usr/bin/chromium or tests/browser/node_modules/playwright-core is missing outside CI; under CI (env
/// <c>CI</c> set) it runs, and fails saying what is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = BrowserTools.SkipReason;
}

/// <summary>What the browser test needs: node on PATH, Debian's chromium, and playwright-core installed by
/// <c>npm ci</c> in tests/browser (.ci/run does both).</summary>
internal static class BrowserTools
{
    public const string Chromium = "/usr/bin/chromium";

    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "browser");

    public static string? Node { get; } = FindOnPath("node");

    /// <summary>What is missing, or null when everything is there.</summary>
    public static string? Missing
    {
        get
        {
            var missing = new List<string>();
            if (Node is null)
            {
                missing.Add("node is not on PATH");
            }

            if (!File.Exists(Chromium))
            {
                missing.Add($"{Chromium} is missing (apt-get install chromium)");
            }

            if (!Directory.Exists(Path.Combine(Folder, "node_modules", "playwright-core")))
            {
                missing.Add("tests/browser/node_modules/playwright-core is missing (npm ci in tests/browser)");
            }

            return missing.Count == 0 ? null : string.Join("; ", missing);
        }
    }

    public static string? SkipReason =>
        Missing is { } missing && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            ? $"browser test needs node, Chromium and playwright-core ({missing}); .ci/run installs them"
            : null;

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
