/** What the last action of an options section gave: a status line, or an alert when it failed. */
export function Outcome({ message, error }: { message?: string; error?: string }) {
  return (
    <>
      {message && <p role="status">{message}</p>}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </>
  );
}
