using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Library;

/// <summary>Start-up checks for the <c>Corpus</c> section; each message names the setting to fix.</summary>
internal sealed class CorpusOptionsValidator : IValidateOptions<CorpusOptions>
{
    public ValidateOptionsResult Validate(string? name, CorpusOptions o)
    {
        var errors = new List<string>();
        for (var i = 0; i < o.Directories.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(o.Directories[i]))
            {
                errors.Add($"Corpus:Directories:{i} is empty; give a directory or file of transcripts");
            }
        }

        if (o.ReloadDelay < TimeSpan.Zero || o.ReloadDelay > CorpusOptions.MaxReloadDelay)
        {
            errors.Add($"Corpus:ReloadDelay must be between 00:00:00 and {CorpusOptions.MaxReloadDelay:c} (hh:mm:ss), not {o.ReloadDelay:c}");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
