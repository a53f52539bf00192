using System.CommandLine;
using InterviewBot.Cli.Commands;

namespace InterviewBot.Cli;

/// <summary>The <c>interviewbot</c> command line: each command registers itself; errors print one line and exit
/// non-zero, never a stack trace.</summary>
public static class CliApp
{
    public const int UsageError = 2;
    public const int Failure = 1;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("InterviewBot: answers questions about interviews with verbatim, attributed quotes.")
        {
            AskCommand.Create(stdout),
            QuoteCommand.Create(stdout),
            QotdCommand.Create(stdout),
            InterviewsCommand.Create(stdout),
            EvalCommand.Create(stdout),
            BenchCommand.Create(stdout),
            ServeCommand.Create(),
            DiscordCommand.Create(stdout),
            HealthCommand.Create(stdout),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await stderr.WriteLineAsync($"error: {parse.Errors[0].Message} (see 'interviewbot --help')").ConfigureAwait(false);
            return UsageError;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return ex.ExitCode;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return Failure;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("error: cancelled").ConfigureAwait(false);
            return Failure;
        }
#pragma warning disable CA1031 // The command line's last line of defence: one line, never a stack trace.
        catch (Exception ex)
        {
            await stderr.WriteLineAsync($"error: unexpected {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
            return Failure;
        }
#pragma warning restore CA1031
    }
}

/// <summary>An expected failure with a message for the user.</summary>
public sealed class CliException(string message, int exitCode = CliApp.UsageError) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
