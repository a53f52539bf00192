using System.Diagnostics;
using Xunit.Abstractions;

namespace InterviewBot.Chat.Tests.Playground;

/// <summary>The playground in a real browser: tests/browser/playground.mjs drives headless Chromium against the host
/// on 127.0.0.1 (asks with the keyboard, checks the quote card and attribution, opens the context, checks labels,
/// focus, contrast and a 375px screen) and saves screenshots (playground.png, playground-mobile.png).</summary>
public sealed class PlaygroundBrowserTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [BrowserFact]
    public async Task The_playground_answers_a_question_in_headless_Chromium()
    {
        Assert.True(BrowserTools.Missing is null, $"the browser test cannot run: {BrowserTools.Missing}");
        // INTERVIEWBOT_SCREENSHOTS keeps the screenshots in that directory; by default they go with the temp directory.
        using var shots = new TempDir();
        var keep = Environment.GetEnvironmentVariable("INTERVIEWBOT_SCREENSHOTS");
        var screenshot = Path.Combine(string.IsNullOrWhiteSpace(keep) ? shots.Path : keep, "playground.png");
        await using var host = await PlaygroundTestHost.StartAsync();

        var start = new ProcessStartInfo(BrowserTools.Node!)
        {
            WorkingDirectory = BrowserTools.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(BrowserTools.Folder, "playground.mjs"));
        start.ArgumentList.Add(host.BaseUrl);
        start.ArgumentList.Add(screenshot);
        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            Assert.Fail($"playground.mjs did not finish within {Limit}:\n{await stdout}\n{await stderr}");
        }

        var log = await stdout + await stderr;
        output.WriteLine(log);
        Assert.True(node.ExitCode == 0, $"playground.mjs exited with {node.ExitCode}:\n{log}");
        Assert.True(File.Exists(screenshot), $"no screenshot at {screenshot}:\n{log}");
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is suspiciously small");
        Assert.Contains($"screenshot: {screenshot}", log, StringComparison.Ordinal);
    }
}
