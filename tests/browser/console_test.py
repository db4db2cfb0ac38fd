#!/usr/bin/python3
"""The office console in a real browser: Debian's chromium, headless, driven by selenium.

Starts a real pekon-hub on loopback with a fresh SQLite database, makes staff with
`pekon-hub user add`, lets a tablet (the real `pekon` CLI) register a household and sync,
then, at 1366x768 and at a phone's 390x844: signs in, finds a person, decides for one, decides
in bulk, exports XLSX and opens it (openpyxl), uploads a status CSV and reads the report,
revokes a device, reads the dashboard (a kecamatan, its export, the printed report), and
follows a complaint's whole life: a kiosk (the real `pekon`) sends it and gets a ticket number,
staff take it, see the phone, answer it, and the kiosk reads the answer after its next sync.
Screenshots of the main pages go to --screenshots (docs/screenshots when
refreshed by hand). Exit status 0 when every step did what it should.
"""
import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import time

import openpyxl
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select, WebDriverWait

ADMIN = ("admin", "admin-pass-2026")
HOUSEHOLD = "tests/data/household_valid.json"
NIKS = ("1806011505800001", "1806016208850002", "1806010101100003", "1806025708900002")
PHONE = "+6281234567890"
ANSWER = "Kartu sudah dicetak. Silakan ambil di Puskesmas Kota Agung hari Senin."


def run(cmd, stdin=None, env=None):
    done = subprocess.run(cmd, input=stdin, capture_output=True, text=True, env=env, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"{cmd[0]} {cmd[1]} failed: {done.stderr}")
    return done.stdout


class Hub:
    def __init__(self, binary, db, log_path):
        self.log_path = log_path
        self.log = open(log_path, "w")
        self.process = subprocess.Popen(
            [binary, "serve", "--listen", "127.0.0.1:0", "--db", db],
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            text = open(log_path).read()
            found = re.search(r"listening on 127\.0\.0\.1:(\d+)\n", text)
            if found:
                self.port = int(found.group(1))
                return
            if self.process.poll() is not None:
                raise RuntimeError("pekon-hub exited: " + text)
            time.sleep(0.05)
        raise RuntimeError("pekon-hub did not start")

    @property
    def origin(self):
        return f"http://127.0.0.1:{self.port}"

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=60)
        self.log.close()


def browser(download_dir):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=id", "--window-size=1366,768"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": download_dir,
                                              "download.prompt_for_download": False,
                                              "intl.accept_languages": "id,en"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": download_dir})
    driver.set_window_size(1366, 768)
    return driver


def expect(condition, what):
    if not condition:
        raise AssertionError(what)
    print("ok -", what)


def submit_in(form):
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hub", required=True)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--screenshots", required=True)
    args = parser.parse_args()
    os.makedirs(args.screenshots, exist_ok=True)
    work = tempfile.mkdtemp(prefix="pekon-browser-")
    env = dict(os.environ, HOME=work, XDG_DATA_HOME=os.path.join(work, "data"),
               PEKON_ASSETS=os.path.join(args.source, "assets"))
    db = os.path.join(work, "hub.db")
    tablet = os.path.join(work, "tablet.db")
    downloads = os.path.join(work, "downloads")
    os.makedirs(downloads)
    run([args.hub, "user", "add", "--db", db, "--username", ADMIN[0], "--name", "Ani Admin",
         "--role", "admin"], stdin=ADMIN[1] + "\n", env=env)
    hub = Hub(args.hub, db, os.path.join(work, "hub.log"))
    driver = None
    try:
        uri = run([args.hub, "token", "create", "--db", db, "--hub-url", hub.origin],
                  env=env).splitlines()[1]
        run([args.cli, "enrol", uri, "--name", "Tablet Relawan 1", "--db", tablet], env=env)
        run([args.cli, "household", "add", "--json", os.path.join(args.source, HOUSEHOLD),
             "--db", tablet], env=env)
        run([args.cli, "sync", "--db", tablet], env=env)

        driver = browser(downloads)
        wait = WebDriverWait(driver, 30)
        shot = lambda name: driver.save_screenshot(os.path.join(args.screenshots, name))

        def tall_shot(name, width=1366):
            """The whole page at `width`: the window as tall as the page, then back."""
            height = driver.execute_script("return document.documentElement.scrollHeight")
            driver.set_window_size(width, min(max(height + 140, 768), 6000))
            shot(name)
            driver.set_window_size(width, 768 if width == 1366 else 844)

        # Sign in.
        driver.get(hub.origin + "/office/")
        wait.until(ec.presence_of_element_located((By.NAME, "username")))
        shot("office-sign-in.png")
        driver.find_element(By.NAME, "username").send_keys(ADMIN[0])
        driver.find_element(By.NAME, "password").send_keys(ADMIN[1])
        driver.find_element(By.NAME, "password").submit()
        wait.until(ec.url_contains("/office/queue"))
        expect("Antrean verifikasi" in driver.title, "signed in, the queue is the start page")
        page = driver.page_source
        expect("Budi Santoso" in page and "************0001" in page,
               "the queue lists the household, NIKs masked")
        expect(not any(nik in page for nik in NIKS), "no whole NIK in the queue")
        shot("office-queue.png")

        # The order control: pregnant women and babies first (none here), the filter kept.
        Select(driver.find_element(By.ID, "f-first")).select_by_value("mothers")
        driver.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
        wait.until(ec.url_contains("first=mothers"))
        expect("Budi Santoso" in driver.page_source, "the queue in the mothers-first order")

        # Find a person by the filters (the village), then open the page.
        driver.get(hub.origin + "/office/queue")
        Select(driver.find_element(By.ID, "f-village")).select_by_value("18.06.01.2016")
        driver.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
        wait.until(ec.url_contains("village=18.06.01.2016"))
        driver.find_element(By.LINK_TEXT, "Budi Santoso").click()
        wait.until(ec.url_contains("/office/members/"))
        page = driver.page_source
        expect(NIKS[0] in page and "Riwayat" in page, "the person's page: NIK and history")
        shot("office-person.png")

        # Decide for this person: needs correction, with a reason and a note.
        driver.find_element(By.ID, "one-needs_correction").click()
        Select(driver.find_element(By.ID, "one-correction-reason")).select_by_value(
            "name_spelling")
        driver.find_element(By.ID, "one-note").send_keys("Periksa ejaan nama di KTP")
        submit_in(driver.find_element(By.ID, "one-note").find_element(By.XPATH, "ancestor::form"))
        wait.until(ec.url_contains("done=decided"))
        expect("Perlu perbaikan" in driver.page_source, "one decision: needs correction")

        # Bulk: tick the two left in the queue, verified.
        driver.get(hub.origin + "/office/queue")
        boxes = driver.find_elements(By.CSS_SELECTOR, "input[type=checkbox][name=member]")
        expect(len(boxes) == 2, "two members still await a decision")
        for box in boxes:
            box.click()
        driver.find_element(By.ID, "bulk-verified").click()
        submit_in(driver.find_element(By.ID, "bulk-verified").find_element(By.XPATH,
                                                                             "ancestor::form"))
        wait.until(ec.url_contains("done=decided"))
        expect("Tidak ada pendaftaran" in driver.page_source, "bulk decision: the queue is empty")

        # Export XLSX and open it.
        driver.find_element(By.CSS_SELECTOR, "button[name=format][value=xlsx]").click()
        deadline = time.time() + 60
        files = []
        while time.time() < deadline:
            files = [f for f in os.listdir(downloads) if f.endswith(".xlsx")]
            if files:
                break
            time.sleep(0.2)
        expect(len(files) == 1 and re.fullmatch(r"pekon-bpjs-\d{8}\.xlsx", files[0]),
               "the XLSX arrives, named without personal data")
        sheet = openpyxl.load_workbook(os.path.join(downloads, files[0])).active
        rows = list(sheet.iter_rows(values_only=True))
        expect(rows[0][0] == "NIK" and len(rows) == 3, "the XLSX: header and two verified rows")
        expect({str(r[0]) for r in rows[1:]} == {NIKS[1], NIKS[2]}, "the XLSX: their NIKs")

        # Upload a status CSV: one good row, one refused.
        csv_path = os.path.join(work, "status.csv")
        with open(csv_path, "w") as f:
            f.write("nik,birth_date,status,card_number,class,faskes,date\n"
                    f"{NIKS[1]},1985-08-22,paid,,3,Puskesmas Kota Agung,2026-12-01\n"
                    "123,1980-05-15,paid,,3,,2026-12-01\n")
        driver.get(hub.origin + "/office/status-upload")
        driver.find_element(By.ID, "status-file").send_keys(csv_path)
        submit_in(driver.find_element(By.ID, "status-file").find_element(By.XPATH,
                                                                           "ancestor::form"))
        wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "dl.report")))
        imported = driver.find_element(By.CSS_SELECTOR, "dd[data-count='upload.imported']").text
        refused = driver.find_element(By.CSS_SELECTOR, "dd[data-count='upload.refused']").text
        expect(imported == "1" and refused == "1", "the upload report: 1 accepted, 1 refused")
        expect(driver.find_element(By.CSS_SELECTOR, "table.problems td.num").text == "3",
               "the refused line's number")
        shot("office-upload-report.png")

        # A pregnant woman registered in Talang Padang (due in two months), for the dashboard's
        # mothers and newborns.
        today = datetime.date.today()
        month = today.month + 2
        due = f"{today.year + (month - 1) // 12}-{(month - 1) % 12 + 1:02d}"
        mother = os.path.join(work, "mother.json")
        with open(mother, "w") as f:
            json.dump({"kk_number": "1806021203150007", "village_code": "18.06.02.2012",
                       "address": "Jl. Pasar", "members": [
                           {"nik": "1806025708900002", "name": "Rina Wati",
                            "birth_date": "1990-08-17", "sex": "F", "relation": "head",
                            "segment": "PBPU", "class": 3, "pregnancy_due": due}]}, f)
        run([args.cli, "household", "add", "--json", mother, "--db", tablet], env=env)
        run([args.cli, "sync", "--db", tablet], env=env)

        # The dashboard: Kota Agung's population entered on the command line, the regency's
        # coverage with its chart, the kecamatan opened, its figures exported, the report as
        # it prints.
        population = os.path.join(work, "population.csv")
        with open(population, "w") as f:
            f.write("code,population\n18.06.01,52310\n18.06.01.2016,1804\n")
        run([args.hub, "population", "import", "--db", db, population], env=env)
        driver.get(hub.origin + "/office/dashboard")
        wait.until(ec.presence_of_element_located((By.ID, "coverage")))
        expect("Dasbor cakupan" in driver.title, "the dashboard opens from the nav")
        page = driver.page_source
        expect("641.036" in page and "52.310" in page, "the populations: regency and kecamatan")
        expect(len(driver.find_elements(By.CSS_SELECTOR, "svg.chart")) >= 2, "the charts")
        expect(not any(nik in page for nik in NIKS) and "Budi" not in page,
               "nothing personal on the dashboard")
        mothers = driver.find_element(By.CSS_SELECTOR, "section#mothers tbody tr").text
        expect("Talang Padang" in mothers or "18.06.02.2012" in mothers,
               f"the mothers and newborns of the pekon ({mothers})")
        expect(driver.find_element(By.CSS_SELECTOR,
                                   "section#mothers tbody tr td[data-label]").text == "1",
               "one pregnant woman, counted")
        expect("Rina Wati" not in page, "no mother named on the dashboard")
        width = driver.execute_script("return document.documentElement.scrollWidth")
        expect(width <= 1366, f"the dashboard fits 1366 pixels ({width}px)")
        tall_shot("office-dashboard.png")
        driver.find_element(By.LINK_TEXT, "Kota Agung").click()
        wait.until(ec.url_contains("kec=18.06.01"))
        expect("Negeri Ratu" in driver.page_source, "the kecamatan opens its pekon")
        tall_shot("office-dashboard-kecamatan.png")
        driver.find_element(By.CSS_SELECTOR, "a[href*='format=csv']").click()
        deadline = time.time() + 60
        while time.time() < deadline and not os.path.exists(
                os.path.join(downloads, "pekon-dashboard.csv")):
            time.sleep(0.2)
        figures = open(os.path.join(downloads, "pekon-dashboard.csv"), encoding="utf-8").read()
        expect("coverage,18.06.01.2016,Negeri Ratu,registered,3" in figures and
               "coverage,18.06.01.2016,Negeri Ratu,population,1804" in figures,
               "the exported figures of the pekon")
        driver.find_element(By.PARTIAL_LINK_TEXT, "Laporan").click()
        wait.until(ec.url_contains("report=1"))
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        expect(driver.find_element(By.CSS_SELECTOR, ".report-title").is_displayed() and
               not driver.find_element(By.CSS_SELECTOR, "nav.main").is_displayed(),
               "printed: the report's title, no menu")
        tall_shot("office-report.png")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

        # Revoke the tablet.
        driver.get(hub.origin + "/office/devices")
        shot("office-devices.png")
        driver.find_element(By.CSS_SELECTOR, "a.button.danger").click()
        wait.until(ec.url_contains("/office/devices/revoke"))
        driver.find_element(By.CSS_SELECTOR, "form button.danger").click()
        wait.until(ec.url_contains("done=device_revoked"))
        expect("Perangkat dicabut" in driver.page_source or "dicabut" in driver.page_source,
               "the device is revoked")
        driver.get(hub.origin + "/office/codes")
        shot("office-codes.png")

        # A complaint's whole life: a kiosk of Kota Agung (the real `pekon`, enrolled with a
        # kiosk code) sends one with a phone number, and a rating of 5 that opens no ticket.
        kiosk = os.path.join(work, "kiosk.db")
        kiosk_uri = run([args.hub, "token", "create", "--db", db, "--hub-url", hub.origin,
                         "--kiosk", "18.06.01"], env=env).splitlines()[1]
        run([args.cli, "enrol", kiosk_uri, "--name", "Kios Kota Agung", "--db", kiosk], env=env)
        sent = json.loads(run([args.cli, "complaint", "send", "--db", kiosk, "--category", "card",
                               "--rating", "2", "--text", "Kartu belum sampai sebulan",
                               "--phone", PHONE], env=env))
        ticket = sent["ticket"]
        expect(re.fullmatch(r"PK-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", ticket or ""),
               "the kiosk gives a ticket number")
        praise = json.loads(run([args.cli, "complaint", "send", "--db", kiosk, "--category",
                                 "other", "--rating", "5"], env=env))
        expect(praise["ticket"] is None, "praise gets no ticket")
        waiting = json.loads(run([args.cli, "complaint", "status", ticket.lower().replace("-", ""),
                                  "--db", kiosk], env=env))
        expect(waiting["found"] and waiting["state"] == "open", "the kiosk knows its ticket")
        run([args.cli, "sync", "--db", kiosk], env=env)
        driver.get(hub.origin + "/office/complaints")
        wait.until(ec.presence_of_element_located((By.LINK_TEXT, ticket)))
        expect("Pengaduan" in driver.find_element(By.CSS_SELECTOR, "nav.main").text,
               "the inbox is in the menu")
        shot("office-complaints.png")
        driver.find_element(By.LINK_TEXT, ticket).click()
        wait.until(ec.url_contains("/office/complaints/" + ticket))
        expect(PHONE not in driver.page_source, "the phone is hidden until one handles it")
        select = Select(driver.find_element(By.ID, "f-staff"))
        expect(select.first_selected_option.text.startswith("Ani Admin"), "assign: to me first")
        submit_in(driver.find_element(By.ID, "f-staff").find_element(By.XPATH, "ancestor::form"))
        wait.until(ec.url_contains("done=ticket_assign"))
        expect(PHONE in driver.page_source, "the handler sees the phone number")
        driver.find_element(By.CSS_SELECTOR, "input[name=action][value=take_up]").find_element(
            By.XPATH, "ancestor::form").find_element(By.TAG_NAME, "button").click()
        wait.until(ec.url_contains("done=ticket_take_up"))
        answer = driver.find_element(By.ID, "f-answer")
        answer.send_keys("Hubungi 081234567890")  # a phone number: refused, kept as typed
        submit_in(answer.find_element(By.XPATH, "ancestor::form"))
        wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "p.error")))
        expect("jangan tulis NIK" in driver.page_source, "no personal data in an answer")
        answer = driver.find_element(By.ID, "f-answer")
        answer.clear()
        answer.send_keys(ANSWER)
        submit_in(answer.find_element(By.XPATH, "ancestor::form"))
        wait.until(ec.url_contains("done=ticket_answer"))
        expect("Dijawab" in driver.page_source and ANSWER in driver.page_source, "answered")
        tall_shot("office-complaint.png")
        run([args.cli, "sync", "--db", kiosk], env=env)
        read = json.loads(run([args.cli, "complaint", "status", ticket, "--db", kiosk], env=env))
        expect(read["found"] and read["state"] == "answered" and read["answer"] == ANSWER,
               "the kiosk shows the office's answer after its sync")
        driver.get(hub.origin + "/office/dashboard")
        expect("complaints" in driver.find_element(By.ID, "complaints").get_attribute("id"),
               "the dashboard counts complaints")

        # A phone: the queue and a person's page at 390x844.
        driver.set_window_size(390, 844)
        driver.get(hub.origin + "/office/queue?state=verified")  # Ahmad (Siti is paid now)
        width = driver.execute_script("return document.documentElement.scrollWidth")
        expect(width <= 390, f"the queue fits a phone's width ({width}px)")
        shot("office-queue-phone.png")
        driver.find_element(By.PARTIAL_LINK_TEXT, "Ahmad").click()
        wait.until(ec.url_contains("/office/members/"))
        shot("office-person-phone.png")
        driver.get(hub.origin + "/office/dashboard")
        width = driver.execute_script("return document.documentElement.scrollWidth")
        expect(width <= 390, f"the dashboard fits a phone's width ({width}px)")
        tall_shot("office-dashboard-phone.png", 390)
        driver.get(hub.origin + "/office/complaints?state=all")
        width = driver.execute_script("return document.documentElement.scrollWidth")
        expect(width <= 390, f"the complaints inbox fits a phone's width ({width}px)")
        shot("office-complaints-phone.png")
        for url in [a.get_attribute("href") or "" for a in
                    driver.find_elements(By.CSS_SELECTOR, "a[href]")]:
            expect(not re.search(r"\d{16}", url), "no NIK in a link: " + url[:60])
    finally:
        if driver:
            driver.quit()
        hub.stop()
    log = open(hub.log_path).read()
    expect(not any(nik in log for nik in NIKS) and "Budi" not in log and PHONE not in log,
           "nothing personal in the hub's output")
    return 0


if __name__ == "__main__":
    sys.exit(main())
