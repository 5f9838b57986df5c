# Times R on one benchmark case, inside R (start-up excluded). Called by bench/run.ts:
#   Rscript bench/peers/peer.R <input.json>
# input: {"y": [...], "reps": n, "run": {"kind": "fit", "model": {...}} | {"kind": "auto", "period": m}}
# Prints one line: BENCH_RESULT {"timesMs": [...], "maxRssKb": ..., "note": "..."}

suppressPackageStartupMessages(library(jsonlite))

input <- fromJSON(commandArgs(trailingOnly = TRUE)[1], simplifyVector = TRUE)
y <- as.numeric(input$y)
run <- input$run

# sin/cos columns with t = 0 at the first point, ordered sin1, cos1, sin2, cos2, ... (SarimaSpec.fourier).
fourier_matrix <- function(fourier, t) {
  if (is.null(fourier) || length(fourier) == 0) return(NULL)
  cols <- list()
  for (i in seq_len(nrow(fourier))) {
    for (k in seq_len(fourier$harmonics[i])) {
      cols[[length(cols) + 1]] <- sin(2 * pi * k * t / fourier$period[i])
      cols[[length(cols) + 1]] <- cos(2 * pi * k * t / fourier$period[i])
    }
  }
  do.call(cbind, cols)
}

peak_rss_kb <- function() {
  status <- tryCatch(readLines("/proc/self/status"), error = function(e) character())
  line <- grep("^VmHWM:", status, value = TRUE)
  if (length(line) == 0) NA else as.numeric(gsub("[^0-9]", "", line))
}

fit_once <- function() {
  if (run$kind == "auto") {
    suppressPackageStartupMessages(library(forecast))
    fit <- forecast::auto.arima(ts(y, frequency = run$period))
    return(paste("chose", paste(forecast::arimaorder(fit), collapse = ",")))
  }
  m <- run$model
  xreg <- fourier_matrix(m$fourier, seq_along(y) - 1)
  fit <- stats::arima(ts(y, frequency = max(m$period, 1)),
    order = m$order, seasonal = list(order = m$seasonal, period = m$period),
    include.mean = m$includeMean, xreg = xreg
  )
  sprintf("loglik %.3f", fit$loglik)
}

times <- numeric()
note <- ""
for (i in seq_len(input$reps)) {
  start <- proc.time()[["elapsed"]]
  note <- fit_once()
  times <- c(times, 1000 * (proc.time()[["elapsed"]] - start))
}
cat("BENCH_RESULT ", toJSON(list(timesMs = I(times), maxRssKb = peak_rss_kb(), note = note), auto_unbox = TRUE), "\n", sep = "")
